"""The starting lists of flagged phrases, per language; loaded by a migration,
then kept up to date by editors in the admin (Editorial guardrails › Flagged phrases)."""

RULES = {
    "blame": {
        "en": ("Rule 2: never blame the person in the image. The wrong is done by whoever pressures, shares without consent or exposes.",
               "Put the responsibility where it belongs: “Sharing it without consent was wrong. It is not their fault.”"),
        "fr": ("Règle 2 : ne jamais blâmer la personne sur l’image. La faute revient à qui fait pression, partage sans consentement ou expose.",
               "Mettez la responsabilité au bon endroit : « Partager sans consentement, c’était mal. Ce n’est pas sa faute. »"),
        "nl": ("Regel 2: geef nooit de persoon op de foto de schuld. De fout ligt bij wie druk zet, zonder toestemming deelt of iemand te kijk zet.",
               "Leg de verantwoordelijkheid waar ze hoort: ‘Het zonder toestemming delen was fout. Het is niet hun schuld.’"),
        "de": ("Regel 2: Nie der Person auf dem Bild die Schuld geben. Falsch handelt, wer Druck macht, ohne Einverständnis teilt oder bloßstellt.",
               "Verantwortung dorthin legen, wo sie hingehört: „Es ohne Einverständnis zu teilen, war falsch. Es ist nicht ihre Schuld.“"),
    },
    "fear": {
        "en": ("Rule 1: skills and positive norms, never fear. Teach what a young person can do.",
               "Name a skill instead: “If this happens, here is what you can do…”"),
        "fr": ("Règle 1 : des compétences et des normes positives, jamais la peur. Montrez ce qu’un jeune peut faire.",
               "Nommez plutôt une compétence : « Si ça arrive, voici ce que tu peux faire… »"),
        "nl": ("Regel 1: vaardigheden en positieve normen, nooit angst. Leer wat een jongere kan doen.",
               "Noem liever een vaardigheid: ‘Als dit gebeurt, kan je dit doen…’"),
        "de": ("Regel 1: Fähigkeiten und positive Normen, keine Angst. Zeigen, was junge Menschen tun können.",
               "Lieber eine Fähigkeit nennen: „Wenn das passiert, kannst du Folgendes tun …“"),
    },
    "image": {
        "en": ("Rule 4: never tell anyone to save, screenshot or keep a nude image of a minor: keeping or copying it is itself illegal.",
               "“Screenshot the conversation, never the image, and report it.”"),
        "fr": ("Règle 4 : ne jamais dire d’enregistrer, de capturer ou de garder une image intime d’un mineur : la garder ou la copier est illégal.",
               "« Fais une capture de la conversation, jamais de l’image, et signale-la. »"),
        "nl": ("Regel 4: zeg nooit dat iemand een naaktbeeld van een minderjarige moet bewaren of screenshotten: bewaren of kopiëren is zelf strafbaar.",
               "‘Maak een screenshot van het gesprek, nooit van de foto, en meld het.’"),
        "de": ("Regel 4: Nie dazu raten, ein Nacktbild einer minderjährigen Person zu speichern oder zu kopieren: Schon das ist strafbar.",
               "„Mach einen Screenshot vom Chat, nie vom Bild, und melde es.“"),
    },
}

PHRASES = {
    "en": {
        "blame": ["shouldn't have sent it", "should not have sent it", "should never have sent it", "think before you send",
                  "it's your own fault", "it was her own fault", "it was his own fault", "asking for it", "sexting is stupid",
                  "should have known better"],
        "fear": ["the internet is dangerous", "ruin your life", "will follow you forever", "never get a job"],
        "image": ["save the image as evidence", "save the photo as evidence", "keep the picture as evidence",
                  "screenshot the nude", "take a screenshot of the photo as proof"],
    },
    "fr": {
        "blame": ["n'aurait pas dû l'envoyer", "n'aurait jamais dû l'envoyer", "tu n'aurais pas dû l'envoyer",
                  "réfléchis avant d'envoyer", "c'est de sa faute", "elle l'a cherché", "il l'a cherché", "le sexting c'est stupide"],
        "fear": ["internet est dangereux", "gâcher ta vie", "te suivra toute ta vie"],
        "image": ["garde la photo comme preuve", "enregistre l'image comme preuve", "fais une capture de la photo intime"],
    },
    "nl": {
        "blame": ["had het niet moeten sturen", "had dat nooit mogen sturen", "denk na voor je verstuurt", "eigen schuld",
                  "zelf gezocht", "sexting is dom"],
        "fear": ["het internet is gevaarlijk", "je leven verpesten", "achtervolgt je je hele leven"],
        "image": ["bewaar de foto als bewijs", "bewaar het beeld als bewijs", "maak een screenshot van de naaktfoto"],
    },
    "de": {
        "blame": ["hätte es nicht schicken sollen", "hätte es nie schicken dürfen", "selbst schuld", "denk nach bevor du sendest",
                  "hat es herausgefordert", "sexting ist dumm"],
        "fear": ["das internet ist gefährlich", "dein leben ruinieren", "verfolgt dich für immer"],
        "image": ["speichere das bild als beweis", "behalte das foto als beweis", "mach einen screenshot vom nacktbild"],
    },
}
