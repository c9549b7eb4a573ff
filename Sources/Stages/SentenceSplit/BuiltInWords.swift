/// The abbreviations, conjunctions and sentence starters built into `sentence-split`, per
/// language.
///
/// Dotted initialisms (`U.S.`, `N.Y.`: an end only before a sentence starter) and single capital
/// initials (`K.`: never an end) are recognised by shape and need no entry; entries here override
/// that shape rule (`e.g.` never ends a sentence, `a.m.` ends one before a capital).
enum BuiltInWords {
    typealias Words = (abbreviations: [String: SentenceLexicon.AbbreviationKind], conjunctions: [String], starters: [String])

    static let byLanguage: [String: Words] = ["en": english, "hi": hindi]

    static let english: Words = (
        abbreviations: [
            // Titles and forms of address: always followed by a name.
            "mr": .inner, "mrs": .inner, "ms": .inner, "dr": .inner, "prof": .inner, "rev": .inner,
            "hon": .inner, "gen": .inner, "col": .inner, "capt": .inner, "lt": .inner, "sgt": .inner,
            "gov": .inner, "sen": .inner, "rep": .inner, "pres": .inner, "fr": .inner, "mt": .inner, "st": .inner,
            "messrs": .inner, "mme": .inner, "mlle": .inner,
            // Latin and reference abbreviations that sit inside a sentence.
            "e.g": .inner, "i.e": .inner, "cf": .inner, "vs": .inner, "viz": .inner, "approx": .inner,
            "dept": .inner, "incl": .inner, "ca": .inner,
            // May end a sentence: an end only when a capitalised word follows.
            "etc": .final, "a.m": .final, "p.m": .final, "inc": .final, "ltd": .final, "co": .final,
            "corp": .final, "jr": .final, "sr": .final, "ave": .final, "est": .final, "min": .final, "rd": .final,
            "blvd": .final, "hrs": .final, "mins": .final, "secs": .final, "pvt": .final,
            // Stand before a number.
            "no": .numeric, "nos": .numeric, "vol": .numeric, "p": .numeric, "pp": .numeric,
            "fig": .numeric, "ch": .numeric, "sec": .numeric, "art": .numeric, "para": .numeric,
            "tel": .numeric, "ph": .numeric, "ext": .numeric, "rs": .numeric, "op": .numeric,
        ],
        conjunctions: ["and", "but", "or", "so", "because", "since", "while", "although", "though",
                       "which", "whereas", "unless", "until", "then"],
        // Words that start sentences and are seldom part of a name: after a dotted initialism, a
        // capitalised one of these is a new sentence ("the U.K. Do you?"), any other capitalised
        // word a name going on ("12 M.G. Road", "the U.S. Army").
        starters: ["a", "an", "the", "i", "you", "he", "she", "it", "we", "they", "my", "your", "his", "her",
                   "its", "our", "their", "this", "that", "these", "those", "there", "here", "what", "when",
                   "where", "which", "who", "why", "how", "do", "does", "did", "is", "are", "was", "were",
                   "will", "would", "shall", "should", "can", "could", "may", "might", "must", "have", "has",
                   "had", "let", "please", "thanks", "thank", "yes", "no", "not", "if", "but", "and", "or",
                   "so", "then", "also", "however", "now", "today", "tomorrow", "all", "both", "each",
                   "every", "some", "any", "many", "most", "nobody", "everyone", "someone", "nothing",
                   "after", "before", "in", "on", "at", "for", "from", "with", "as", "since", "while",
                   "although", "because"])

    static let hindi: Words = (
        abbreviations: [
            "डॉ": .inner, "श्री": .inner, "श्रीमती": .inner, "सुश्री": .inner, "कु": .inner,
            "प्रो": .inner, "स्व": .inner, "पं": .inner, "ई": .inner,
            // Latin letters' names, written as initials ("ए. के. शर्मा"); not जी and आई, which
            // also end sentences as words.
            "ए": .inner, "बी": .inner, "सी": .inner, "डी": .inner, "एफ": .inner, "एच": .inner,
            "जे": .inner, "के": .inner, "एल": .inner, "एम": .inner, "एन": .inner, "ओ": .inner,
            "पी": .inner, "क्यू": .inner, "आर": .inner, "एस": .inner, "टी": .inner, "यू": .inner,
            "वी": .inner, "डब्ल्यू": .inner, "एक्स": .inner, "वाई": .inner, "ज़ेड": .inner,
            "रु": .numeric, "नं": .numeric, "मो": .numeric, "क्र": .numeric, "पृ": .numeric, "सं": .numeric,
            "आदि": .final,
        ],
        conjunctions: ["और", "लेकिन", "परंतु", "परन्तु", "पर", "किंतु", "क्योंकि", "तो", "या", "कि",
                       "जबकि", "इसलिए", "ताकि", "अथवा"],
        // Devanagari has no capitals: an initialism before it reads on.
        starters: [])
}
