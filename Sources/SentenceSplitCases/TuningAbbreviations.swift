/// Initials, initialisms, titles and times: the tuning table's third part.
extension SplitCase {
    static let tuningAbbreviations = table(#"""
        # A dotted initialism ends its sentence before a word that starts sentences, not before
        # a name, a lower-case word or another script.
        We ship to the U.K. Do ⁁you?  →  We ship to the U.K.  ¦  Do you?
        We ship to the U.K. today.
        She lives in the U.S.A. Her ⁁sister too.  →  She lives in the U.S.A.  ¦  Her sister too.
        It is a U.N. rule.
        Ask the U.N. Nobody ⁁else can help.  →  Ask the U.N.  ¦  Nobody else can help.
        He works at I.B.M. in Pune.
        He works at I.B.M. He ⁁likes it.  →  He works at I.B.M.  ¦  He likes it.
        He has an M.B.A. He ⁁is smart.  →  He has an M.B.A.  ¦  He is smart.
        The U.S. team won. ⁁Great news.  →  The U.S. team won.  ¦  Great news.
        He studied in the U.K. It'⁁s cold there.  →  He studied in the U.K.  ¦  It's cold there.
        We met at the U.N. Today ⁁was busy.  →  We met at the U.N.  ¦  Today was busy.
        Our clinic is at 12 M.G. Road, near the metro.
        The shop is on M.G. Road. ⁁Come soon.  →  The shop is on M.G. Road.  ¦  Come soon.
        Visit J.P. Nagar for the branch.
        Ask for Mr. P.K. Rao at the desk.
        He went to the U.K.
        यह U.S. में बना है।
        मैं U.K. जा रहा हूँ।
        Dr. Rao, M.D., will see you.
        Ms. Iyer (Ph.D.) will lead.
        She holds a Ph.D. ⁁She teaches.  →  She holds a Ph.D.  ¦  She teaches.
        # A single capital is an initial inside a name; the pronoun I is a word.
        Ravi K. Shah will call.
        Talk to Ravi K. Shah. ⁁He knows.  →  Talk to Ravi K. Shah.  ¦  He knows.
        Ravi K. Shah and Meena R. Iyer came.
        I met Dr. A. Rao. ⁁She was kind.  →  I met Dr. A. Rao.  ¦  She was kind.
        We met Prof. R. N. Iyer today.
        Meet A. B. Rao at noon.
        It was you and I. ⁁Then we left.  →  It was you and I.  ¦  Then we left.
        Mary and I. ⁁We went home.  →  Mary and I.  ¦  We went home.
        # A time, then a title and a name: one sentence; any other capitalised word starts one,
        # settled by its first letter that no title starts with.
        We met at 9 p.m. Dr. Rao called later.
        Come at 9 p.m. Mr. Shah will wait.
        The call is at 10 a.m. Prof. Sharma will join.
        It starts at 6 p.m. Sen. Rao will speak.
        Meet at 7 a.m. Gen. Rao leads.
        Call before 5 p.m. Ms. Iyer leaves then.
        Meet at 10.30 a.m. Dr. Rao will see you.
        It lands at 4 p.m. Mrs. Rao will fetch you. ⁁OK?  →  It lands at 4 p.m. Mrs. Rao will fetch you.  ¦  OK?
        Come at 9 p.m. T⁁hank you.  →  Come at 9 p.m.  ¦  Thank you.
        Come at 9 p.m. Do⁁ors open then.  →  Come at 9 p.m.  ¦  Doors open then.
        Open at 8 a.m. See⁁ you.  →  Open at 8 a.m.  ¦  See you.
        It starts at 6 p.m. Send⁁ your reply.  →  It starts at 6 p.m.  ¦  Send your reply.
        The event ends at 6 p.m. sharp.
        Is it 5 a.m.? N⁁o.  →  Is it 5 a.m.?  ¦  No.
        Wait 5 min. D⁁r. Rao is coming.  →  Wait 5 min.  ¦  Dr. Rao is coming.
        Bring pens, paper, etc. W⁁e supply the rest.  →  Bring pens, paper, etc.  ¦  We supply the rest.
        # Titles, numeric and inner abbreviations, as before.
        Dr. Rao is in. ⁁Mr. Shah is out.  →  Dr. Rao is in.  ¦  Mr. Shah is out.
        Tell Dr. Rao I said hi.
        St. Mary's School is near.
        Mt. Abu is cool. ⁁Go there.  →  Mt. Abu is cool.  ¦  Go there.
        Contact Acme Co. for help.
        Contact Acme Co. T⁁hey can help.  →  Contact Acme Co.  ¦  They can help.
        Ask for Capt. Singh at Gate 4. T⁁hanks.  →  Ask for Capt. Singh at Gate 4.  ¦  Thanks.
        Rs. 500 is due.
        No. 7 is free. ⁁Take it.  →  No. 7 is free.  ¦  Take it.
        Fig. 3 shows it.
        Vol. 2, No. 3 is out.
        The vote was 5 vs. 3 today.
        We use approx. 20 kg.
        Sure. ⁁Dr. Rao can see you at 4 p.m. today.  →  Sure.  ¦  Dr. Rao can see you at 4 p.m. today.
        # Devanagari: titles, and the letter names that stand for initials.
        ए. के. शर्मा कल आएंगे। ⁁धन्यवाद।  →  ए. के. शर्मा कल आएंगे।  ¦  धन्यवाद।
        डॉ. एस. राव से मिलिए।
        डॉ. बी. आर. राव आज आएंगे। ⁁कल नहीं।  →  डॉ. बी. आर. राव आज आएंगे।  ¦  कल नहीं।
        प्रो. वर्मा और डॉ. राव आएंगे।
        श्रीमती. शर्मा आ गईं।
        कल सुबह 9 बजे आइए। ⁁डॉ. राव मिलेंगे।  →  कल सुबह 9 बजे आइए।  ¦  डॉ. राव मिलेंगे।
        कमरा नं. 5 खाली है।
        मो. 98450 12345 पर कॉल करें।
        """#)
}
