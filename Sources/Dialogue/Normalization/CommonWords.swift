/// Everyday English (and the Hindi glue words callers mix in) that is not somebody's name:
/// what lets a `name` slot take an unknown word as a name ("it's Oluwaseun") without taking
/// "it's urgent". Lowercase, apostrophes dropped, as `Token.word`.
enum CommonWords {
    static let all: Set<String> = Set("""
        a about above actually after afternoon again ago ahead all almost alone along already alright also although always \
        am an and another any anybody anyone anything anyway anywhere appointment are around as ask asked asking at available \
        away back bad be because been before being best better between big bit book booked booking both bring busy but by \
        call called calling came can cant cancel care case change check child children clinic close come coming could couldnt \
        day days dear did didnt do doctor does doesnt doing done dont down during each early earlier either else end enough \
        even evening ever every everything exactly excuse fact family far feel feeling fever few fine first for free friend \
        from full get gets getting give glad go goes going gone good got great had happen happy hard has have havent having \
        he hear heard hello help her here hers hey hi him his hold hope hoping hour hours how however husband i id if ill im \
        in indeed instead is isnt it its itself ive just keep kind kindly know last late later least leave left less let lets \
        like likely little long look looking lot love made make many may maybe me mean meant meet mind mine minute minutes \
        moment more morning most mother much mum must my myself name need needs never new next nice night no nobody none nope \
        nor not nothing now number of off office often oh ok okay old on once one only open or other our out over own pain \
        part past perfect perhaps person phone place please pm possible prefer pretty probably problem put quick quite \
        rather ready really reason regarding regular right said same say saying see seen set shall she should sick since \
        slot so some somebody someone something sometime soon sorry sound sounds speak spell spelled spelling still such \
        suit suits sure surname take talk tell than thank thanks that thats the their them then there theres these they \
        thing things think this those though through till time times to today together told too took true try trying \
        two uh um under until up urgent us use usual usually very visit wait want wanted wants was way we week well went \
        were what whatever whats when where whether which while who whole whom whose why wife will wish with without \
        wondering wont work works would wouldnt wrong yeah yes yet you your youre yours yourself here there speaking \
        calling regards thanks please son daughter kid kids baby husband wife father dad mother mom brother sister \
        check test blood jab flu cough cold headache back knee appointment doctor nurse clinic receptionist booking \
        first last full middle surname spelt letter letters double dash hyphen capital \
        haan han ha ji nahi nahin theek thik hai hain bilkul sahi mera meri mujhe naam aap kya kal aaj parson baje \
        bhi ke ki ka ko se main hum hoon hun tha kar karo karna dijiye chahiye milna baat acha accha achha \
        name names named hang arvo bout po lah yaar mate love dear gday cheers ta hiya howdy folks guys \
        grab something anything nothing everything somewhere sometime anytime whenever earliest latest \
        morning mornings afternoon afternoons evening evenings lunch lunchtime breakfast dinner weekend \
        birthday wedding work trip holiday school hip leg arm chest throat ear eye skin stomach tooth \
        appointment appointments booking bookings consultation checkup visit slot slots space spot \
        subah shaam dopahar raat liye likhiye likho lijiye chahti chahta hoon namaste oops whoops \
        ek teen chaar char paanch panch chhe che saat aath nau das gyarah barah baarah \
        btw lol haha hehe ye yo ya yeh yh ja ok pls plz thx ty tho omg idk rn hey ooh ah aah hmm howya \
        family surname initial initials spelt spelled here calling speaking side also itself only
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}
