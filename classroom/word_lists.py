"""The starting word lists of the question-box filter, per language; loaded by a
migration, then kept up to date by editors in the admin (Classroom word filter).

"abusive" words hold a message on their own: insults, slurs, sexual slurs,
telling someone to die. "sexual" words hold a message only when it also names
someone (a name, an @handle or a class such as "2B"), because a pupil may
rightly ask about nudes, but not about a classmate's. Pupils mix in English,
so the English lists apply in every language."""

WORDS = {
    "en": {
        "abusive": ["idiot", "stupid", "retard", "retarded", "slut", "whore", "hoe", "bitch", "fag", "faggot", "dyke",
                    "fuck", "fucking", "cunt", "dick", "pussy", "loser", "ugly", "fatso", "kill yourself", "kys",
                    "go die", "nobody likes you", "slag", "skank", "tramp"],
        "sexual": ["nude", "nudes", "naked", "sex", "sexy", "sexting", "sexted", "porn", "boobs", "tits", "dick pic",
                   "nude pic", "nude pics", "send pics", "sent pics", "horny", "blowjob", "hooked up", "slept with",
                   "onlyfans", "leaked"],
    },
    "fr": {
        "abusive": ["pute", "salope", "connard", "connasse", "conne", "pd", "pédé", "enculé", "nique", "ta gueule",
                    "crève", "suicide-toi", "gros porc", "grosse vache", "moche", "débile", "bouffon", "tapette",
                    "chaudasse", "cochonne"],
        "sexual": ["nue", "nu", "nus", "nues", "à poil", "sexe", "porno", "seins", "bite", "zizi", "nudes",
                   "photo intime", "photos intimes", "a couché avec", "a couche avec", "sucé", "fisha"],
    },
    "nl": {
        "abusive": ["hoer", "slet", "kanker", "mongool", "flikker", "klootzak", "kut", "trut", "sukkel", "debiel",
                    "lelijk", "dikzak", "sterf", "ga dood", "niemand mag jou", "sloerie", "del"],
        "sexual": ["naakt", "naaktfoto", "naaktfoto's", "bloot", "seks", "porno", "tieten", "piemel", "lul",
                   "geslapen met", "gepijpt", "nudes"],
    },
    "de": {
        "abusive": ["hure", "schlampe", "schwuchtel", "missgeburt", "fotze", "wichser", "arschloch", "spast",
                    "behindert", "hässlich", "fettsack", "stirb", "bring dich um", "niemand mag dich"],
        "sexual": ["nackt", "nacktbild", "nacktbilder", "nacktfoto", "nacktfotos", "sex", "porno", "titten",
                   "schwanz", "geschlafen mit", "nudes"],
    },
}

# Capitalised words that start a sentence without naming anyone; every other
# capitalised word counts as a name for the "names someone" rule.
SENTENCE_STARTERS = {
    "en": "i is are am was were what why how when where who whom which whose can could should would will do does did "
          "if my your our their his her its it this that these those there here someone somebody everyone everybody "
          "anyone anybody nobody people a an the and but or so then also maybe please help hi hello hey thanks thank "
          "not no yes ok okay sometimes some lots many most all one we you they he she me us them".split(),
    "fr": "je j tu il elle on nous vous ils elles est que qu quoi pourquoi comment quand où qui quel quelle quels "
          "quelles est-ce ce c ça ca cette ces mon ma mes ton ta tes son sa ses notre votre leur si et mais ou donc "
          "alors aussi peut peut-être quelqu un une des les le la l tout tous toutes personne merci bonjour salut "
          "oui non parfois beaucoup".split(),
    "nl": "ik jij je u hij zij ze wij we jullie het is zijn was waren wat waarom hoe wanneer waar wie welke welk "
          "kan kun kunnen mag mogen moet moeten zou zal wil mijn jouw zijn haar ons onze hun als en maar of dus "
          "dan ook misschien iemand iedereen niemand een de dit dat deze die er hier alle veel soms hallo hoi dag "
          "dank bedankt ja nee".split(),
    "de": "ich du er sie es wir ihr ist sind war waren was warum wie wann wo wer welche welcher welches kann können "
          "darf dürfen muss müssen soll sollte würde wird mein meine dein deine sein seine ihr ihre unser wenn und "
          "aber oder also dann auch vielleicht jemand jeder niemand alle ein eine der die das dies diese man hallo "
          "danke ja nein manchmal viele".split(),
}
