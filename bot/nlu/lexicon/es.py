"""Spanish danger lexicon: how Spanish-speaking residents write danger, with and without accents.

Written from the 988 Lifeline's and AFSP's warning signs (in Spanish, "Línea 988"), the contract's
urgent definitions and residents' texting ("ta", "toy", "q", "xq", "ahorita", "porfa"). Text is
lower-cased and stripped of accents first, so "policía" and "policia" read the same. The context
rules mean what the English ones mean (bot/nlu/lexicon/base.py): "anoche", "hace un mes", "copia
del reporte", "permiso", "no es emergencia", "ya se fueron".
"""

from __future__ import annotations

import re

from bot.nlu.lexicon.base import Lexicon, folding_normaliser
from bot.nlu.lexicon.base import pattern as _p

_TEXTING = {
    r"\bq\b": "que",
    r"\b(?:xq|pq|porq)\b": "porque",
    r"\btoy\b": "estoy",
    r"\btan\b(?= (?:entrando|robando|pegando|golpeando|disparando|peleando))": "estan",
    r"\bta\b": "esta",
    r"\bx favor\b|\bporfa(?:vor)?\b|\bplis\b|\bpls\b": "por favor",
    r"\bahorita\b|\bahora mismo\b|\borita\b": "ahora",
    r"\bd\b": "de",
    r"\bmi(?:s)? (?:hijx|niñ@)\b": "mi hijo",
}


normalise = folding_normaliser(_TEXTING)


KID = r"(?:hij[oa]s?|nin[oa]s?|nen[ea]|bebe|chamac[oa]|niet[oa]|hermanit[oa]|chiquit[oa])"
FAMILY = (
    r"(?:esposo|esposa|marido|mujer|pareja|novio|novia|ex(?: ?(?:esposo|esposa|novio|novia|pareja|marido))?|"
    r"padrastro|madrastra|papa|padre|mama|madre|hijo|hija|hermano|hermana|suegro|suegra|cunado|tio|primo)"
)
DANGER_GERUND = (
    r"(?:entrando|metiendose|robando|asaltando|golpeando|pegando|pateando|disparando|quemando|"
    r"sangrando|muriendo|ahogando|siguiendo|persiguiendo|amenazando|atacando|gritando|peleando|"
    r"forzando|ahorcando|estrangulando|apunalando|acuchillando|rompiendo|matando)"
)

ANIMALS = "gato|gata|perro|perra|venado|ciervo|zorrillo|mapache|animal|pajaro|ardilla|mascota|zorro|conejo"
PATTERNS = (
    _p(
        "es-break-in",
        "emergency",
        "crime",
        r"\b(?:alguien|un (?:hombre|tipo|senor|desconocido)|unos (?:tipos|hombres)|ladron(?:es)?|intrusos?)"
        r" (?:(?:se )?(?:esta|estan) )?(?:(?:adentro|dentro) de|en|metido en|entrando a|entrando en|metiendose (?:a|en)) (?:mi|la|nuestra) (?:casa|apartamento|apto|cuarto|garaje|sotano)"
        r"|\bse (?:esta|estan) metiendo\b|\b(?:estan|esta) (?:entrando|forzando|rompiendo) (?:a |en |la |mi )?(?:la |mi )?(?:casa|puerta|ventana|apartamento|carro)"
        r"|\bhay (?:alguien|un (?:hombre|tipo)|ladrones?|un intruso) (?:adentro|dentro|en (?:mi|la) casa|en el patio|en mi cuarto)"
        r"|\bse (?:nos |me |le |les )?(?:metieron|metio)\b.*\b(?:estan|esta|siguen|sigue|todavia estan) (?:adentro|dentro|aqui)\b"
        r"|\bintrusos?\b|\bme (?:estan|esta) (?:robando|asaltando)\b|\b(?:estan|esta) (?:asaltando|robando) (?:a|al|el|la|un|una|los|las)\b|\b(?:asalto|robo) (?:en curso|en progreso|en proceso|ahora)|\b(?:con|tiene|tienen) las manos (?:arriba|en alto)\b",
    ),
    _p(
        "es-kidnap-followed",
        "emergency",
        "crime",
        r"\bsecuestr(?:o|aron|ando|ado|ada)\b|\bse llevaron a (?:mi|un|una|el|la) "
        + KID
        + r"|\bme (?:esta|estan) (?:siguiendo|persiguiendo)\b|\b(?:alguien|un (?:hombre|tipo|carro)) me (?:esta )?(?:siguiendo|persiguiendo)"
        r"|\b(?:alguien|un (?:hombre|tipo)|mi ex) (?:esta )?(?:afuera de|en) (?:mi|la) (?:puerta|ventana|casa)\b.*\b(?:ahora|no se va|golpeando|gritando|arma|pistola|cuchillo|bate|amenaz)",
    ),
    _p(
        "es-weapon",
        "emergency",
        "violence",
        r"(?<!ningun )(?<!ninguna )(?<!sin )(?<!no hay )\b(?:pistolas?|arma|armas|cuchillos?|navajas?|machetes?|escopetas?|fusil)\b(?! (?:de (?:juguete|agua|aire|balines))|s? de fuego (?:permit|licen))"
        r"|\b(?:un|el|los|su|sus|con|tiene|tienen|trae|traia|tenia|saco|unos|mi|mis|ese|este) (?:rifles?|revolver)\b|\barmad[oa]s?\b|(?<!se )\bdisparos?\b|\bbalazos?\b|\bbalacera\b|\btiroteo\b|^(?!.*\balarm[ae]s?\b).*?\bdispar(?:aron|ando|o|an)\b|(?<!van a oir )(?<!van a escuchar )(?<!vao ouvir )(?<!vai ouvir )(?<!vao escutar )\btiros\b|\bbalearon\b"
        r"|\bapunal(?:o|aron|ado|ada|ando)\b|\bacuchill(?:o|aron|ado|ada|ando)\b",
    ),
    _p(
        "es-assault",
        "emergency",
        "violence",
        r"\b(?:me|le|la|lo|nos|les) (?:esta|estan) (?:pegando|golpeando|pateando|ahorcando|estrangulando|atacando|apunalando)"
        r"|\b(?:el|ella|ellos|alguien|un tipo|el tipo|(?:mi|el|la) \w+|dijo que|dice que) (?:\w+ )?(?:me|nos|la|lo|los) (?:quiere|quieren|va a|van a) matar\b|\bme va a (?:pegar|golpear)\b|\bamenaza(?:ndo)? con matar"
        r"|\bpelea (?:afuera|en la calle|ahora)|\b(?:se estan|estan) (?:peleando|golpeando|matando)\b|\bgolpeando a (?:un|una|mi|alguien)"
        r"|\bviol(?:aron|acion|o a)\b|\babuso sexual\b|\bme (?:quiere|quieren) violar",
    ),
    _p(
        "es-fire",
        "emergency",
        "fire",
        r"(?<!estuvo )(?<!fue )(?<!es )(?<!puro )\bfuego\b(?! artificial)|\bincendio\b|\bse (?:esta )?quem(?:a|ando)\b|\blleno de humo\b|\bhumo\b(?! de cigarr| del? (?:la )?(?:asado|parrilla|bbq|barbacoa|asador|carne asada))|\bllamas\b"
        r"|\b(?:olor|huele) a (?:gas|quemado|humo)\b|\bfuga de gas\b|\bmonoxido\b|\bexplo(?:sion|to|taron)\b|\bcables? (?:caidos?|chispeando)",
    ),
    _p(
        "es-medical",
        "emergency",
        "medical",
        r"\bno (?:esta )?respir(?:a|ando)\b|\bno puede respirar\b|\bno puedo respirar\b|\binconsciente\b|\bdesmay(?:o|ado|ada|e)\b"
        r"|\b(?:perro|perros|pitbull|animal) (?:\w+ ){0,2}(?:esta|estan|ta) (?:mordiendo|atacando)\b|\bme (?:esta|estan) (?:mordiendo|atacando) (?:un|unos|el) (?:perro|perros)\b"
        r"|\b(?:sono|suena|esta sonando|se activo) (?:el |la )?(?:detector|alarma)\b.*\b(?:vomitando|mareados?|dolor de cabeza|desmay\w+|no despierta)\b"
        r"|\bno (?:reacciona|responde|despierta|se mueve)\b|\binfarto\b|\bataque (?:al|del) corazon\b|\bconvulsi(?:on|onando|ones)\b|\bsobredosis\b"
        r"|\bse (?:esta )?ahog(?:a|ando)\b|\bsangr(?:a|ando) (?:mucho|demasiado)\b|\bmucha sangre\b|\bderrame\b|\bdolor (?:en el|de|fuerte en el) pecho\b"
        r"|\bno tiene pulso\b|\bsin pulso\b|\bno (?:para|deja) de sangrar\b|\bno (?:esta )?(?:respondiendo|reaccionando)\b|\bse (?:trago|tomo|comio) (?:unas|las|unas pastillas|pastillas|veneno|cloro)\b|\bse cayo (?:a|en) la (?:piscina|alberca|pileta|rio|lago)\b"
        r"|\b(?:todos|todos aqui|todo el mundo) (?:\w+ ){0,4}(?:mareados?|con dolor de cabeza)\b"
        r"|\b(?:esta|se puso) (?:morad[oa]|azul)\b|\bse (?:le )?rompio la fuente\b|\bva a dar a luz\b|\bdando a luz\b|\batragant(?:o|ado|ada|ando)\b"
        r"|\bse (?:tomo|trago) (?:todas|un monton de|muchas|un frasco de|un pomo de) (?:las )?(?:pastillas|pildoras)",
    ),
    _p(
        "es-crash",
        "emergency",
        "crash",
        r"\b(?:choque|accidente|chocaron|choco|volco|volcado)\b.*\b(?:herid[oa]s?|sangr\w*|atrapad[oa]s?|inconsciente|ambulancia|muert[oa]s?|no se mueve|aplastad[oa]s?|destrozad[oa]s?)"
        # an animal run over is for animal control, not a crash with injuries (ninth sets)
        rf"|\batropell(?:o|aron|ado|ada)\b(?! (?:a )?(?:un|una|el|la|mi|al|nuestro|nuestra) (?:{ANIMALS})s?\b)|\b(?:cayo|cayeron|se fue|se fueron) (?:al|a un|en el|por el) (?:rio|lago|barranco|canal|precipicio)\b",
    ),
    _p(
        "es-missing",
        "emergency",
        "missing",
        r"\b(?:mi|nuestro|nuestra|un|una|la|el) "
        + KID
        + r" (?:\w+ ){0,6}(?:no aparece|desaparecio|se perdio|esta perdid[oa]|no (?:ha )?(?:llegado|regresado|vuelto)|no llego)"
        r"|\bno (?:encuentro|encontramos|puedo encontrar) a mi "
        + KID
        + r"|\b(?:nino|nina) perdid[oa]\b"
        r"|\bmi (?:abuel[oa]|mama|papa|tio|tia)\b(?:\W+\w+){0,8}\W+(?:desaparecio|se perdio|no aparece|no lo encontramos|no la encontramos)",
    ),
    _p(
        "es-plea",
        "emergency",
        "plea",
        r"(?<!pronto-)(?<!pronto )\bsocorro\b|\bauxilio\b|\bayuda(?:me|nme)?\b.*(?:!|por favor|urgente|rapido|ahora)|\b(?:por favor|urgente) ayuda"
        r"|\bmanden (?:a )?(?:la )?(?:policia|ayuda|una ambulancia|ambulancia|patrulla|a alguien)\b|\bllamen (?:a la policia|al 911|una ambulancia)\b"
        r"|\bes una emergencia\b|^emergencia\s*[!.]*$|\bestoy en peligro\b|\bmiedo por mi vida\b|\bme estoy escondiendo\b|\bestoy escondid[oa]\b"
        r"|\bnecesito (?:a la )?(?:policia|ayuda|una ambulancia) (?:ya|ahora|urgente|rapido)",
    ),
    _p(
        "es-attempt-now",
        "emergency",
        "medical",
        r"\b(?:se )?(?:va a|quiere) (?:tirar(?:se)?|saltar) (?:del|de un|de la|desde el) (?:puente|techo|edificio|balcon)"
        r"|\besta (?:en el|parad[oa] en el) (?:puente|techo|borde)\b",
    ),
    _p(
        "es-abuse",
        "domestic_violence",
        "abuse",
        r"\bmi "
        + FAMILY
        + r" (?:\w+ )?(?:me |la |lo |nos |les )?(?:pega|golpea|maltrata|amenaza|abusa|pego|golpeo|amenazo|ahorco|empujo|pateo|violo|lastima|lastimo)\b"
        r"|\bmaltrato\b(?! (?:a|de) (?:los |las |un |una )?(?:animal|animales|animais|perros?|gatos?|mascotas?|caballos?|cachorros?))|\bme (?:pega|golpea|maltrata) (?:mi|cuando)"
        r"|\b(?:me|nos) (?:pega|pegan|golpea|golpean|maltrata|maltratan|ahorca|empuja)\b(?! (?:la gana|el sol|fuerte el sol))"
        r"|\b(?:me|nos) (?:ha|han) (?:pegado|golpeado|maltratado|ahorcado|empujado|pateado|lastimado)\b",
    ),
    _p(
        "es-crisis",
        "crisis",
        "crisis",
        r"\b(?:me quiero|quiero|quisiera|deseo|ganas de|pienso en|pensando en|voy a) (?:morir(?:me)?|matarme|suicidarme|desaparecer|quitarme la vida|dormir y no despertar)\b(?! de (?:la |el )?(?:risa|hambre|sueno|verguenza|calor|frio|la risa|estudiar|trabajar|tanto|amor|cansancio|rabia))"
        r"|\bme voy a matar\b|\bse (?:va a|quiere) (?:matar|suicidar|quitar la vida)\b|\bsuicid\w*|\bquitar(?:me|se) la vida\b"
        r"|\bse (?:pega|va a pegar|pegaria|quiere pegar) un tiro\b|\bpegarme un tiro\b"
        r"|\bya tengo (?:un|el|todo) plan\b|\bnadie me va a (?:parar|detener)\b|\btengo (?:una soga|una cuerda|las pastillas|un arma|una pistola)\b.{0,40}\b(?:usarla|usarlas|usarlo|voy a (?:usar|hacer|matar|terminar|acabar)\w*|pienso (?:usar|hacer)\w*)\b"
        r"|\b(?:ya )?no quiero (?:vivir|seguir viviendo|seguir|estar aqui|existir|despertar)\b|\bno (?:vale|tiene) (?:la pena|sentido) (?:vivir|seguir)"
        r"|\bno hay razon para (?:vivir|seguir)\b|\bno aguanto mas\b|\bya no puedo mas\b|\bacabar con (?:todo|mi vida)\b|\bterminar con todo\b"
        r"|\b(?:me corto|cortarme|me estoy cortando|hacerme dano|me hago dano|lastimarme|me lastimo)\b|\bsoy una carga\b|\bestarian mejor sin mi\b"
        r"|\bmejor (?:estar |estaria )?muert[oa]\b|\b(?:carta|cartas|mensaje|mensajes) de despedida\b|\bme estoy despidiendo\b"
        r"|\bregal(?:ando|e|ar) (?:todas )?mis cosas\b|\bcomo (?:ahorcarse|ahorcarme|matarse|matarme|suicidarse|suicidarme|cortarse las venas)\b|\bcompre (?:una )?(?:soga|cuerda)\b|\b(?:juntando|guardando) (?:pastillas|pildoras)\b",
    ),
    # (tenth sets) a child cutting herself; tired of fighting; letters written in case
    _p(
        "es-warning-signs-10",
        "crisis",
        "crisis_self",  # a how-to beside it ("que hago", "por si acaso") changes nothing
        r"\bse (?:esta|estaba|sigue|anda|ha estado) cortando\b|\bse corta (?:los brazos|las munecas|las piernas|el cuerpo)\b"
        r"|\bcansad[oa] de (?:luchar|pelear con la vida|seguir)\b"
        r"|\b(?:escribi|deje|hice) (?:unas |las |mis )?cartas? (?:para|a) (?:mis|los|mi|la|el) \w+ (?:por si|en caso)\b",
    ),
)

# Every lexicon reads every message, so "rápido" is not urgency after the Portuguese "de volta"
# either ("como pego de volta rápido": how do I get it back quickly).
PRESENT = re.compile(
    r"(?<!pasa )(?<!hago )(?<!reportar )(?<!reportarlo )(?<!denunciar )(?<!denunciarlo )(?<!saber )(?<!preguntar )(?<!pistola )\bahora\b(?! (?:necesito|quiero|quiere|quieren|queremos|tengo que|como|que|busco|me piden|estoy llamando|llamo|pregunto|tiene|tenemos|vive|vivo|esta bien|estamos bien|todo bien))|\ben este momento\b|\bya mismo\b|(?<!tan )(?<!tao )(?<!muy )(?<!bien )(?<!mas )(?<!volta )\brapido\b|\burgente\b|!!|\b(?:esta|estan) (?:pasando|ocurriendo)\b"
    r"|\b(?:detector|alarma) (?:\w+ ){0,3}(?:esta|sigue) (?:sonando|pitando)\b.*\b(?:dolor de cabeza|mareos?|mareados?|vomit\w+|desmay\w+)\b"
    r"|\b(?:sono|suena|esta sonando|se activo) (?:el |la )?(?:detector|alarma)\b.*\b(?:vomitando|mareados?|dolor de cabeza|desmay\w+|no despierta)\b"
    r"|\bacaba(?:n)? de (?:robar|asaltar|disparar|apunalar|chocar|atropellar|pegar|golpear|caer|desmayar)\w*|\b(?:va|van|se va|se van|salio|salieron) corriendo\b"
    r"|\b(?:detector|alarma) (?:\w+ ){0,4}(?:sonando|pitando|se activo)\b.*(?<!no hay )(?<!sin )(?<!no hay ningun )\b(?:humo|fuego|gas|mareados?)\b|\btodavia (?:esta|estan|sigue|siguen)\b|\bsigue(?:n)? (?:aqui|ahi|adentro|afuera)\b"
    # (thirteenth sets) hiding from it now
    r"|\b(?:estoy|estamos|estan|esta|seguimos|sigo) escondid[oa]s?\b|\b(?:nos estamos|me estoy) escondiendo\b|\bescondiendonos\b"
    r"|\b(?:esta|estan|sigue|siguen|me|nos|le|la|lo) (?:(?:me|nos|le|la|lo) )?"
    + DANGER_GERUND
    + r"\b|\bhay (?:\w+ ){1,4}"
    + DANGER_GERUND
    + r"\b"
)

PATTERNS = (
    *PATTERNS,
    _p(
        "es-protective-order",
        "domestic_violence",
        "abuse_help",
        r"\borden(?:es)? de (?:restriccion|proteccion|alejamiento)\b|\brelacion(?:es)? abusivas?\b"
        r"|\b(?:esposo|novio|pareja|marido) (?:abusivo|violento)\b",
    ),
)

# abuse happening to someone now, in the passive ("está siendo golpeada"): a how-to beside it
# ("como puedo ayudarla") does not make it routine
PATTERNS = (
    *PATTERNS,
    _p(
        "es-abuse-ongoing",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:esta|estan|ta) siendo (?:golpead|maltratad|abusad|amenazad|agredid)[oa]s?\b",
    ),
)


# Third pass (2026-12-01, session 5), general causes from the urgent sets' mistakes:
PATTERNS = (
    *PATTERNS,
    _p(
        "es-dv-topic",
        "domestic_violence",
        "abuse_topic",
        r"\bviolencia (?:domestica|familiar|de genero)\b",
    ),
    _p(
        "es-medical-now",
        "emergency",
        "medical_now",
        r"\b(?:tiene )?la cara (?:caida|torcida)\b|\bno puede hablar bien\b|\bno (?:despierta|reacciona|responde|respira)\b|\bdejo de respirar\b|\bsin pulso\b|\bse (?:esta )?poniendo (?:morad[oa]|azul)\b"
        r"|\b(?:se )?(?:tomo|trago|bebio|comio) (?:cloro|veneno|blanqueador|detergente|lejia|pastillas)\b",
    ),
    _p(
        "es-tracks",
        "emergency",
        "medical_now",
        r"\b(?:parad[oa]|acostad[oa]|sentad[oa]|esperando) (?:en|sobre) (?:las vias|la via|los rieles)\b|\bantes de que (?:pase|venga|llegue) el tren\b",
    ),
    _p(
        "es-assault-me",
        "emergency",
        "violence",
        r"\b(?:con un|con una) (?:palo|bate|cuchillo|pistola|machete|tubo) a (?:pegarme|golpearme|matarme|atacarme)\b|\bse (?:me )?vino encima\b",
    ),
    _p(
        "es-goodbye",
        "crisis",
        "crisis",
        r"\bpara despedirme\b(?! de (?:ustedes|la oficina|mi trabajo|mis companeros))|\bya escribi (?:mi|la) carta\b|\bcarta de despedida\b"
        r"|\b(?:hoy|esta) es la noche\b",
    ),
)


# Fourth pass (2026-12-01, session 6): what the English fourth pass says (bot/nlu/lexicon/en.py),
# in Spanish: written for others ("para compartirlo en mi grupo", "un proyecto de la escuela"),
# abuse behind the writer ("ya estoy bien y lejos de el"), idioms of the heart ("casi me da un
# infarto"), "en caso de que se pierda"; a child or a fall that is a medical emergency now; the
# wish to jump; abuse by control (locked in, papers hidden, threats of deportation).
AUDIENCE = re.compile(
    r"\bpara (?:compartir(?:lo|la|los)?|ponerlo|ponerla|publicar(?:lo|la)?|pegarlo|repartir(?:lo|los)?|subirlo) (?:en|a|por)\b"
    r"|\bpara (?:un|una|mi|el|la|nuestro|nuestra) (?:\w+ ){0,2}(?:proyecto|tarea|trabajo escolar|ensayo|folleto|volante|cartel|afiche|presentacion|boletin|charla|evento|feria|clase|caminata|mural)\b"
    r"|\b(?:proyecto|trabajo|tarea|ensayo|investigacion) (?:de|para) (?:la |el )?(?:escuela|universidad|colegio|clase|high school|college)\b|\b(?:proyecto|trabajo) escolar\b"
    r"|\b(?:hacer|haciendo|hago|preparando|disenando) (?:un|una|unos|unas) (?:folletos?|volantes?|carteles?|afiches?|presentacion|charla|boletin)\b|\bentrevistar a (?:un|una) (?:policia|oficial|agente|detective)\b"
    r"|\b(?:una|la|mi) (?:organizacion|ong|iglesia)\b.*\b(?:folleto|charla|taller|evento|volante|preguntas)\b|\b(?:grupo|grupos) de (?:whatsapp|mujeres|la iglesia|madres|padres)\b"
    r"|\bvoluntari[oa]s?\b|\bvoluntariado\b|\bsalio de una relacion\b|\b(?:para|pa) (?:mi|la|una|un) (?:tarea|clase|proyecto)\b|\b(?:lo|la) quiero (?:poner|compartir|publicar|pegar)\b"
    r"|\bpara la (?:universidad|escuela|clase|facultad|college|high school|prepa)\b|\b(?:un|mi|el) proyecto sobre\b|\btienen (?:datos|estadisticas|numeros)\b"
    # (eleventh sets)
    r"|\bviendo una (?:serie|pelicula|novela)\b|\b(?:serie|pelicula|novela) de (?:policias|policia|crimenes|detectives)\b"
    # (twelfth sets) leaflets asked for, a talk at church, a social worker asking for clients
    r"|\bfollet(?:o|os|eria)\b|\bquer(?:emos|ia|iamos|o) donar\b|\bquiero donar\b|\bdonar (?:ropa|panales|comida|juguetes|muebles|cobijas)\b|\b(?:una|la) charla (?:en|para|sobre)\b|\b(?:soy|es) (?:una? )?trabajador(?:a)? social\b|\b(?:donar|donacion(?:es)?) (?:\w+ ){0,4}(?:a|para) (?:un|una|el|la|los|las) (?:\w+ ){0,2}(?:refugios?|albergues?|programas?|campanas?)\b"
)
SAFE = re.compile(
    r"\bya (?:estoy|estamos|esta|estan) (?:bien|a salvo|segur[oa]s?|tranquil[oa]s?)\b|\bestoy a salvo\b|\b(?:lejos|separad[oa]) de (?:el|ella)\b|\bya no (?:estoy|vivo) con (?:el|ella)\b"
    r"|\b(?:eso|esto) (?:fue|paso) hace (?:\w+ )?(?:anos|meses|tiempo)\b"
    # (fourteenth sets) the abuser in jail ("ya esta preso": Portuguese "ta preso" is stuck); an
    # order the judge lifted (not one that expired: the abuser may be back)
    r"|\bya (?:esta|estan) pres[oa]s?\b|\b(?:esta|estan) (?:en la carcel|en prision)\b|\b(?:levanto|levantaron|quito|quitaron) la orden\b"
)
PATTERNS = (
    *PATTERNS,
    _p(
        "es-medical-fall",
        "emergency",
        "medical_now",
        r"\b(?:le|me) (?:sale|esta saliendo|salia) (?:mucha )?sangre\b|\bsangr(?:a|ando) (?:de|por) la (?:cabeza|boca|nariz|oreja)\b"
        r"|\b"
        + KID
        + r"\b.{0,40}\bse (?:tomo|trago|comio|bebio) (?:unas|las|sus|mis|un monton de|varias|todas las|unos) (?:\w+ )?(?:pastillas|pildoras|medicinas|capsulas|gomitas|vitaminas|tabletas)\b"
        r"|\bse (?:tomo|trago) (?:unas|las|sus|mis) (?:pastillas|pildoras|medicinas)\b.{0,30}\b(?:no despierta|no reacciona|inconsciente|desmay\w+|vomitando)\b",
    ),
    _p(
        "es-jump",
        "crisis",
        "crisis_self",
        r"\b(?:ganas de|quiero|quisiera|voy a|pienso|pensando en|a punto de) (?:tirarme|aventarme|lanzarme|botarme|arrojarme) (?:del|de la|de un|de una|por la|al|a las)\b",
    ),
    _p(
        "es-method-research",
        "crisis",
        "crisis_self",
        r"\bcuant[ao]s (?:\w+ ){0,2}(?:pastillas|pildoras|tylenol|tabletas) (?:\w+ ){0,3}(?:para morir|matan|son mortales|son una sobredosis)\b|\bdosis (?:letal|mortal)\b|\bduele (?:morir|desangrarse|ahorcarse)\b|\bdesangrarse\b",
    ),
    _p(
        "es-forgive-me",
        "crisis",
        "crisis",
        r"\bperdon(?:en|enme|ame|a)? por todo\b.*\b(?:los quiero|las quiero|te quiero|los amo|las amo|te amo|adios|chao)\b|\b(?:los quiero|los amo|adios)\b.*\bperdon(?:en|enme)? por todo\b",
    ),
    _p(
        "es-control-abuse",
        "domestic_violence",
        "abuse_ongoing",
        r"\bme (?:encierra|encerro|deja encerrad[oa]|tiene encerrad[oa])\b|\bno me deja salir (?:de la casa|de casa|del cuarto)\b"
        r"|\b(?:me )?(?:escondio|esconde|quito|quita|rompio|quemo) (?:mis |el |la |mi |los |sus |su )?(?:papeles|documentos|pasaporte|green card|tarjeta verde|mica|visa)\b"
        r"|\bamenaza(?:ndo)? con (?:llamar a (?:la )?(?:migra|inmigracion|ice)|deportarme|que me deporten|quitarme (?:a )?(?:los|mis) (?:ninos|hijos))\b",
    ),
    _p(
        "es-lines",
        "emergency",
        "fire",
        r"\bcables? (?:de luz |electricos? )?(?:\w+ ){0,3}(?:echando chispas|sacando chispas|chispeando|en el suelo|caidos?)\b",
    ),
)

# ...and from the fifth sets' mistakes: a weapon drawn, "la dosis que mata", pills in hand,
# shelters, threats to take the children, a will and a pet given away; scams, hypotheticals,
# "no hay peligro", "ya se calmó todo".
RESOLVED = re.compile(
    r"\bya se calmo(?: todo)?\b|\btodo (?:esta )?tranquilo (?:ya|ahora)\b|\bya (?:esta )?todo tranquilo\b|\bya paso todo\b|\bse lo llevo su familia\b|\bfalsa alarma\b"
    r"|\bera (?:solo|nomas|nada mas) (?:el|la|un|una)\b(?! (?:duda|pregunta|consulta))|\bcarne asada\b|\bparrillada\b|\bbarbacoa\b"
    r"|\bquema controlada\b|\bera (?:una )?pelicula\b|\bestaban filmando\b"
    r"|\bel (?:humo|olor|fuego) (?:era|venia|es) de (?:la |el |una |un |mi |su )?(?:parrilla|asador|chimenea|fogata|cocina|horno|vecino)\b|\bya (?:paso|se me paso) el susto\b"
    r"|\b(?:es|era|sera|debe ser|creo que es) (?:la|las) baterias?\b|\bbateria (?:baja|descargada|muerta)\b|\bya (?:todo )?(?:esta )?(?:todo )?(?:en calma|calmado|quieto)\b"
    # (eleventh sets)
    r"|\b(?:no )?(?:le )?(?:di|hice) (?:click|clic)\b|\bpaquete (?:esta |estaba )?(?:retenido|detenido)\b|\blink (?:raro|extrano|sospechoso)\b|\bustedes (?:llaman|textean|mandan mensajes) (?:asi|para|a la gente)\b"
    # (twelfth sets) the child found, "just a scare", the ambulance already gone with them
    r"|\bya (?:aparecio|aparecieron|lo encontramos|la encontramos|lo encontraron|la encontraron)\b|\bfue (?:solo |nomas |nada mas )?un susto\b"
    r"|\bya (?:vino|llego|paso) la ambulancia\b|\bla ambulancia ya (?:vino|llego|se (?:los|lo|la|las) llevo)\b"
)
PATTERNS = (
    *PATTERNS,
    _p(
        "es-weapon-drawn",
        "emergency",
        "threat_now",
        r"\b(?:saco|sacaron|saca|sacando|esta sacando) (?:una|un|la|el|su) (?:pistola|arma|cuchillo|navaja|machete|revolver)\b",
    ),
    _p(
        "es-means-at-hand",
        "crisis",
        "crisis_self",
        r"\bdosis (?:que|q) mata\b|\bcuant[ao]s? (?:\w+ ){0,3}(?:mata|matan|es mortal)\b|\btengo (?:las|unas|todas las|mis) (?:pastillas|pildoras) (?:en la mano|aqui conmigo|listas)\b",
    ),
    _p(
        "es-shelter",
        "domestic_violence",
        "abuse_help",
        r"\bmujeres (?:golpeadas|maltratadas|abusadas)\b|\b(?:refugio|albergue|casa segura) (?:para|de) (?:mujeres|victimas)\b"
        r"|\bamenaza(?:ndo)? con llevarse (?:a )?(?:los|mis|nuestros) (?:ninos|hijos|nenes)\b",
    ),
    _p(
        "es-will",
        "crisis",
        "crisis",
        r"\bhice (?:mi|el) testamento\b.*\b(?:hora|regale|despedi|perro|gato|hijos)\b|\bregale (?:a )?(?:mi|mis) (?:perro|perrita|gato|gata|mascotas?)\b.*\b(?:hora|despues|cuando yo)\b|\bllego (?:mi|la) hora\b",
    ),
)

PATTERNS = (
    *PATTERNS,
    # a theft told in the past, with the thief still running: urgent only with present time
    _p(
        "es-snatched",
        "emergency",
        "past_verb",
        r"\b(?:me |nos |le )?(?:arrebataron|arrebato|arranco|arrancaron|jalaron|robaron) (?:la |el |mi )?(?:cartera|bolsa|celular|telefono|cadena|mochila)\b",
    ),
)

PATTERNS = (
    *PATTERNS,
    _p(
        "es-crash-on-purpose",
        "crisis",
        "crisis_self",
        r"\b(?:estrellar(?:me)?|chocar(?:me)?|tirar(?:me)?|aventar(?:me)?) (?:con )?(?:el |mi )?(?:carro|auto|coche|troca)\b.{0,40}\ba proposito\b|\bganas de (?:estrellar|chocar) (?:el|mi) (?:carro|auto|coche)\b"
        r"|\b(?:quitar(?:me)? la vida|matarme|morir(?:me)?) sin (?:que )?(?:me )?(?:duela|dolor|sufrir)\b",
    ),
    _p(
        "es-door-kicked",
        "emergency",
        "crime",
        r"\b(?:pateando|golpeando|tumbando|rompiendo|forzando) (?:la |mi )?puerta\b",
    ),
)

# the writer says they live with it: a how-to or "for years" beside it does not make it routine
PATTERNS = (
    *PATTERNS,
    _p(
        "es-dv-disclosed",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:sufro|vivo|estoy viviendo|soy victima de|paso por|aguanto) (?:de )?(?:la )?violencia (?:domestica|familiar|de genero)\b",
    ),
)

# ...and from the sixth sets' mistakes: "si me pasa algo cuiden a mis hijos", "pa que seguir",
# "hoy es el último día, ya lo decidí", "tomarme el frasco entero", "cómo ahorcarse" as a plan,
# a choke told without "mi esposo"; a dead animal on the road, a barbecue's smoke.
PATTERNS = (
    *PATTERNS,
    _p(
        "es-warning-signs-6",
        "crisis",
        "crisis_self",
        r"\bsi me pasa algo\b.{0,40}\bcuid(?:en|a|ar|enme)\b|\bcuiden (?:a|de) mis (?:hijos|ninos|nenes|hijas)\b"
        r"|\b(?:para|pa) que (?:seguir|vivir|continuar|sigo|luchar)\b|\bde que sirve (?:seguir|vivir)\b"
        r"|\b(?:hoy|este) es (?:el|mi) ultimo dia\b(?! de\b| del\b| para\b| en el trabajo)|\bya lo (?:decidi|tengo decidido)\b",
    ),
    _p(
        "es-means-6",
        "crisis",
        "crisis_self",
        r"\btomarme (?:el|todo el|un|todas las|todas mis) (?:frasco|bote|pomo|pastillas|pildoras)\b|\bel frasco entero\b"
        r"|\bcomo (?:ahorcarse|ahorcarme|matarse|matarme|suicidarse|suicidarme|cortarse las venas)\b",
    ),
    _p(
        "es-choked",
        "domestic_violence",
        # strangulation is the strongest warning of a homicide to come: "sin querer", "ayer" or a
        # question beside it does not make it routine
        "abuse_ongoing",
        r"\bme (?:apreto|aprieta|agarro|agarra) (?:el|del) cuello\b|\bme (?:ahorco|ahorca|estrangulo|estrangula)\b",
    ),
    # (seventh sets) a poison or a battery swallowed; a teenager not home all night and not
    # answering; "querer morir", "al límite", "mañana ya no voy a estar"; the means beside
    # depression; "se va a llevar a los niños"
    _p(
        "es-swallowed-poison",
        "emergency",
        "medical_now",
        r"\b(?:tome|tomo|bebi|bebio|se tomo|me tome|trago|se trago|me trague|comio|se comio) (?:\w+ ){0,3}(?:cloro|lejia|veneno|clorox|anticongelante|destapacanos|una pila|una bateria|pilas|baterias|un iman|imanes)\b",
    ),
    _p(
        "es-not-home",
        "emergency",
        "missing_now",
        r"\bno (?:llego|ha llegado|volvio|regreso|vino) a (?:dormir|la casa|casa)\b.{0,80}\bno (?:contesta|responde|aparece)\b",
    ),
    _p(
        "es-warning-signs-7",
        "crisis",
        "crisis_self",
        r"\bquer(?:er|iendo) morir(?:me)?\b|\bganas de morir(?:me)?\b|\b(?:estoy|toy) (?:al|en el) limite\b|\bno (?:estoy|toy) bien de la cabeza\b"
        r"|\b(?:ya )?no voy a estar (?:aqui|aca)\b|\bmanana ya no (?:voy a estar|estare)\b|^ya (?:escogi|elegi) (?:el dia|la fecha)\s*[.!]*$"
        r"|\bdeprimid[oa]\b.{0,80}\b(?:escopeta|arma|pistola|revolver|rifle|soga|pastillas)\b"
        r"|\bestrellar(?:me)? (?:el|mi) (?:carro|coche|auto|camioneta|troca)\b.{0,30}\b(?:contra|a proposito)\b",
    ),
    _p(
        "es-take-children",
        "domestic_violence",
        "abuse_ongoing",
        r"\bse (?:va a llevar|lleva|llevaria|llevara) a (?:los|mis) (?:ninos|hijos|nenes)\b|\bme (?:va a )?quit(?:a|ar|aria) a (?:los|mis) (?:ninos|hijos|nenes)\b",
    ),
    # (eighth sets) a threat that keeps the writer from calling for help
    _p(
        "es-threat-if-called",
        "domestic_violence",
        "abuse_ongoing",
        r"\bsi (?:llamo|le llamo|aviso|le digo|le cuento|lo denuncio|la denuncio|voy) a la policia\b.{0,40}\b(?:mata|matar|me pega|pegarme|lastima|se lleva|llevarse)\b",
    ),
    _p(
        "es-fire-out-of-control",
        "emergency",
        "fire",
        r"\bno (?:lo|la|los|las)? ?(?:puedo|podemos|pude|pudimos) apagar\b|\b(?:fuego|estufa|chimenea|llamas|incendio)\b.{0,40}\bse (?:salio|salieron) de control\b",
    ),
    _p(
        "es-suspicious-package",
        "emergency",
        "crime",
        r"\b(?:maleta|mochila|paquete|caja|bolsa|valija)s? (?:rar[ao]s?|sospechos[ao]s?|extran[ao]s?)\b.{0,40}\b(?:cables?|alambres?|hace tic|pitando)\b",
    ),
    _p(
        "es-self-harm-8",
        "crisis",
        "crisis",
        r"\bseria mejor (?:que me pase |tener )?un accidente\b|\bme quemo (?:con (?:cigarr\w+|encendedor|fosforos|cerillos)|a proposito|cuando)\b|\bojala (?:me pase|tenga|me de) un accidente\b|\bojala (?:no despierte|me muera)\b",
    ),
)

# (ninth sets) a child taken from the yard; a knife in hand; carbon monoxide with symptoms; a
# relative who says they will jump or who talks of suicide; fear that the abuser does it again;
# control over work and family; forced sex; bruises from him; fled home and need a place to stay;
# a death threat, "me agrede"
PATTERNS = (
    *PATTERNS,
    _p(
        "es-taken-9",
        "emergency",
        "missing_now",
        r"\b(?:alguien|un (?:tipo|hombre|senor|desconocido|extrano|carro|auto)|una (?:mujer|senora|desconocida|extrana|camioneta)|unos (?:tipos|hombres|desconocidos)) (?:\w+ )?se (?:llevo|llevaron|robo|robaron) a mi (?:hij[oa]|sobrin[oa]|niet[oa]|herman(?:it)?[oa]|bebe|nin[oa])\b",
    ),
    _p(
        "es-weapon-in-hand-9",
        "emergency",
        "threat_now",
        r"\bcon (?:un|una) (?:cuchillo|navaja|machete|pistola|arma|bate|hacha) en la mano\b",
    ),
    _p(
        "es-co-symptoms-9",
        "emergency",
        "medical_now",
        r"\bmonoxido\b.{0,80}\b(?:dolor de cabeza|mareo|mareados?|mareadas?|desmay\w+|vomit\w+|nauseas?)\b",
    ),
    _p(
        "es-crisis-other-9",
        "crisis",
        "crisis_self",
        r"\b(?:se va a|va a|quiere) (?:tirar|aventar|lanzar)(?:se)? (?:de|del|desde|por) (?:un |una |la |el )?(?:puente|edificio|ventana|techo|azotea)\b"
        r"|\b(?:habla|hablando|hablo|dice|dijo) (?:de|sobre|que se quiere) (?:suicidarse|suicidio|matarse|quitarse la vida)\b",
    ),
    _p(
        "es-warning-signs-9",
        "crisis",
        "crisis_self",
        r"\b(?:ninguna|ni una|no tengo|sin) razon(?:es)? (?:para|pa) (?:vivir|seguir)\b|\b(?:estrellar|chocar) (?:el|mi) (?:carro|coche|auto) (?:a proposito|contra un)\b",
    ),
    _p(
        "es-abuse-9",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:tengo|me da) miedo (?:de )?(?:que |q )?(?:me )?lo vuelva a hacer\b"
        r"|\b(?:mi (?:esposo|esposa|pareja|novio|novia|marido|ex)|el|ella) no me deja (?:trabajar|salir|ver a mi|hablar con)\b"
        r"|\bme (?:obliga|fuerza|forza) a tener (?:relaciones|sexo)\b"
        r"|\b(?:moretones?|morados?|marcas?) en (?:el|la|los|las|mis|mi) (?:brazos?|cuello|cara|ojos?|piernas?)\b.{0,40}\b(?:me (?:agarro|apreto|pego|golpeo))\b"
        r"|\b(?:me escape|hui|me fui) de (?:la |mi )?casa\b.{0,80}\b(?:lugar (?:donde|para|pa) quedarme|refugio|albergue)\b"
        r"|\bme amenaz(?:o|a|aba) de muerte\b|\bme (?:agrede|agredia|maltrata|maltrataba)\b",
    ),
)

# (tenth session) intruders still heard in the house
PATTERNS = (
    *PATTERNS,
    _p(
        "es-intruder-heard",
        "emergency",
        "crime",
        r"\btodavia (?:los |lo |la |las )?(?:escucho|oigo|estoy escuchando|estoy oyendo) (?:a alguien|gente|pasos|ruido|abajo|arriba|adentro|en la casa)?"
        r"|\b(?:los|lo|la|las) (?:escucho|oigo|estoy escuchando|estoy oyendo) (?:abajo|arriba|adentro|en la cocina|en el sotano|en la sala)\b",
    ),
)

# (eleventh sets) a child taken into a van, two men following; a gun bought "para acabar con
# esto", the courage missing, "antes de que haga una locura", "mejor desaparecer", not planning to
# be here long; the phone taken so she can't call, fear of him
PATTERNS = (
    *PATTERNS,
    _p(
        "es-child-taken",
        "emergency",
        "missing_now",
        r"\bse (?:llevaron|robaron|lo llevaron|la llevaron) a mi (?:hij[oa]|nin[oa]|bebe|sobrin[oa]|niet[oa]|hermanit[oa]|chiquit[oa])\b"
        r"|\b(?:lo|la) (?:subio|subieron|metio|metieron|jalo|jalaron) (?:a la fuerza )?(?:a|en) (?:una?|el|la) (?:van|carro|camioneta|auto|coche|troca)\b",
    ),
    _p(
        "es-followed",
        "emergency",
        "threat_now",
        r"\b(?:dos|unos|un|varios) (?:hombres?|tipos?|senor(?:es)?|man|manes) me (?:siguen|sigue|vienen siguiendo|viene siguiendo|estan siguiendo|esta siguiendo)\b"
        r"|\bme (?:siguen|vienen siguiendo|viene siguiendo) (?:\w+ ){0,5}(?:desde (?:que|el|la)|en (?:una?|el|la) (?:carro|camioneta|van|auto|moto))\b",
    ),
    _p(
        "es-warning-signs-11",
        "crisis",
        "crisis_self",
        r"\b(?:pistola|arma|pastillas|soga|veneno|cuchillo)\b.{0,40}\bpara acabar con (?:esto|todo|mi vida|mi sufrimiento)\b"
        r"|\b(?:solo|nomas|nada mas|ya solo) me falta (?:el |la )?(?:valor|coraje|valentia|animo)\b"
        r"|\bantes de que (?:yo )?haga (?:una |alguna )?(?:locura|tonteria|estupidez|pendejada)\b"
        r"|\bmejor (?:desaparecer|desaparezco|me desaparezco) (?:para siempre|de una vez|del todo)\b"
        r"|\bno (?:pienso|planeo|creo) (?:estar|seguir|quedarme) (?:aqui |por aqui )?(?:mucho|tanto) tiempo\b",
    ),
    _p(
        "es-abuse-11",
        "domestic_violence",
        "abuse_ongoing",
        r"\bme (?:quito|quita|escondio|esconde|rompio|agarro) (?:el|mi) (?:celular|telefono|cel|pasaporte|documentos)\b.{0,40}\b(?:no (?:llame|pueda|pida)|para que)\b"
        r"|\ble tengo (?:mucho )?miedo (?:a (?:mi )?(?:esposo|marido|novio|pareja|ex)|a el)\b|\btengo (?:mucho )?miedo de (?:mi )?(?:esposo|marido|novio|pareja|ex|el)\b",
    ),
)

# Twelfth pass (2026-12-03, twelfth session): a car that follows, "hoy es el día" after "ya no
# aguanto", a partner who tracks the writer by GPS, gas smelled where people smoke, a car left
# running in a closed garage.
PATTERNS = (
    *PATTERNS,
    _p(
        "es-followed-12",
        "emergency",
        "threat_now",
        r"\b(?:un|una|el|la) (?:carro|coche|auto|camioneta|moto|van|troca)(?: \w+)? me (?:sigue|esta siguiendo|viene siguiendo|va siguiendo)\b",
    ),
    _p(
        "es-warning-signs-12",
        "crisis",
        "crisis_self",
        r"\b(?:ya no aguanto|no aguanto mas|ya no puedo mas|no puedo mas)\b.{0,60}\bhoy es el dia\b"
        r"|\bcuant[ao]s (?:\w+ ){0,2}(?:pastillas|pildoras|tylenol|tabletas)\b.{0,60}\b(?:para mi|por mi) mism[oa]\b",
    ),
    _p(
        "es-tracked-12",
        "domestic_violence",
        "abuse",
        r"\bme (?:rastrea|rastreo|vigila|monitorea|sigue) (?:con|por) (?:el|la|un|una) (?:gps|celular|telefono|ubicacion|app|aplicacion)\b|\bsiempre sabe donde estoy\b"
        r"|\brastreador\b.{0,60}\b(?:mi ex|mi esposo|mi marido|mi novio|el)\b",
    ),
    _p(
        "es-gas-flame-12",
        "emergency",
        "medical_now",
        r"\b(?:huele|olor|oler|olemos) (?:\w+ )?a gas\b.{0,80}\b(?:prendiendo|encendiendo|fumando|prenden|encienden)\b",
    ),
    _p(
        "es-garage-car-12",
        "emergency",
        "medical_now",
        r"\b(?:carro|coche|auto|motor) (?:prendido|encendido)\b.{0,30}\b(?:garaje|garage|cochera)\b|\b(?:garaje|garage|cochera) (?:cerrad[oa] )?con el (?:carro|coche|auto|motor) (?:prendido|encendido)\b",
    ),
)

# Thirteenth pass (2026-12-03, thirteenth session): "nobody would notice if I died", a gun to be
# used "on myself", "I can't take it" on a rooftop or a bridge, the pain to stop "any way".
PATTERNS = (
    *PATTERNS,
    _p(
        "es-warning-signs-13",
        "crisis",
        "crisis_self",
        r"\bnadie (?:se )?(?:daria cuenta|notaria|me extranaria|me echaria de menos|lo notaria|le importaria|se enteraria)\b.{0,40}\bsi (?:me muero|muero|me muriera|muriera|desapareciera|desaparezco|me voy|me fuera|ya no estoy|ya no estuviera)\b"
        r"|\bsi (?:me muero|muero|me muriera|muriera|desapareciera|desaparezco)\b.{0,40}\bnadie (?:se )?(?:daria cuenta|notaria|me extranaria|lo notaria)\b"
        r"|\busarl[oa] (?:conmigo|en mi|contra mi|en mi contra)\b|\b(?:dispararme|pegarme un tiro|pegarme un balazo)\b"
        r"|\b(?:no aguanto|ya no aguanto|no puedo mas|ya no puedo)\b.{0,80}\b(?:azotea|techo|puente|vias del tren|orilla|precipicio|barranco)\b|\b(?:azotea|techo|puente|vias del tren|precipicio)\b.{0,80}\b(?:no aguanto|ya no puedo|no puedo mas|saltar|tirarme)\b"
        r"|\b(?:quiero|queria) que (?:el|este) dolor (?:pare|se acabe|termine|parara|acabara)\b.{0,40}\b(?:como sea|de cualquier (?:forma|manera)|lo que sea)\b"
        r"|\b(?:tengo|ya tengo) un plan\b.{0,40}\b(?:el dia|la fecha|la hora)\b|\bya eleg[ií] el dia\b|\bel (?:agua|rio|mar) me (?:esta llamando|llama)\b",
    ),
    _p(
        "es-missing-13",
        "emergency",
        "missing_now",
        r"\b(?:demencia|alzheimer)\b.{0,80}\b(?:no ha vuelto|no ha regresado|no regresa|no vuelve|no aparece|no lo encontramos|no la encontramos|desaparecio|se perdio)\b"
        r"|\b(?:no ha vuelto|no ha regresado|no aparece|desaparecio|se perdio)\b.{0,80}\b(?:demencia|alzheimer)\b",
    ),
    _p(
        "es-abuse-13",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:rompio|quebro|escondio|me quito|tiro) (?:mi |el )?(?:telefono|celular)\b.{0,30}\bpara (?:que|q) no (?:pudiera|pueda|podia) (?:llamar|pedir)\b",
    ),
    _p(
        "es-plea-13",
        "emergency",
        "plea",
        r"^(?:ayuda|auxilio)(?: (?:aqui|porfa|por favor|pls))?\s*[!.]*$",
    ),
)

# Fourteenth pass (2026-12-04, fourteenth session): a child forced into a van (not over because it
# drove off), a break-in with screams heard, hiding from someone in the house, "va a tomar
# veneno".
PATTERNS = (
    *PATTERNS,
    _p(
        "es-abducted-14",
        "emergency",
        "missing_now",
        r"\b(?:metio|metieron|subio|subieron|jalo|jalaron|agarro|agarraron|arrastro|arrastraron|empujo|empujaron) a (?:una|un|la|el|mi|esa|ese) (?:nina|nino|muchach[oa]|chic[oa]|mujer|senora|joven|adolescente|persona|"
        + KID
        + r")\b.{0,40}\b(?:a la fuerza|(?:a|en|dentro de) (?:una|un|la|el|su) (?:\w+ ){0,2}(?:van|carro|camioneta|troca|auto|coche|baul|cajuela))\b",
    ),
    _p(
        "es-break-in-14",
        "emergency",
        "threat_now",
        r"\bse (?:metieron|metio) (?:a|en) (?:la|mi|una|el) (?:casa|apartamento|apto)\b.{0,60}\b(?:oi|oigo|escuche|escucho|se oyen|se escuchan|se oye|se escucha) (?:unos |muchos )?(?:gritos|golpes|un golpe|disparos|tiros)\b"
        r"|\b(?:encapuchados|enmascarados)\b.{0,40}\bse (?:metieron|metio|estan metiendo)\b"
        r"|\b(?:me|nos) (?:encerre|encerramos|escondi|escondimos) (?:en|debajo de|dentro de) (?:el|la|mi) (?:bano|cuarto|closet|armario|cama|sotano|carro)\b",
    ),
    _p(
        "es-poison-14",
        "crisis",
        "crisis_self",
        r"\b(?:va|voy|vas|quiere|quiero) a? ?(?:tomar|tomarse|beber|beberse|tragar|tragarse) (?:el |un |una )?(?:veneno|raticida|cloro|pastillas)\b",
    ),
)

CONTEXTS = {
    "past": re.compile(
        r"\b(?:detuvieron|arrestaron|encerraron|se llevaron preso|fallecio|fallecieron|perdieron a|perdi a)\b|\bayer\b|\banoche\b|\bantier\b|\banteayer\b|\bla (?:semana|noche) pasada\b|\b(?:el|del|al) (?:mes|ano|fin de semana|verano|invierno) pasado\b"
        r"|\bhace (?:\w+ )?(?:dias?|semanas?|mes(?:es)?|anos?|tiempo)\b|\bla otra (?:noche|semana)\b|\bel otro dia\b"
        r"|\bel (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)(?: pasado)?\b|\ben (?:19|20)\d\d\b|\bde (?:19|20)\d\d\b"
        # (fourteenth sets) "hace anos" written the other way: "anos atras"
        r"|\b(?:\w+ )?(?:dias?|semanas?|mes(?:es)?|anos?) atras\b"
        # (twelfth sets)
        r"|\ben (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b(?! (?:voy|vamos|va|que viene))"
    ),
    "records": re.compile(
        r"\bcopia\b|\breporte (?:policial|de (?:la )?policia|del (?:accidente|choque|robo|caso|incidente))\b|\binforme (?:policial|del)\b"
        r"|\bnumero de (?:caso|reporte)\b|\baseguran(?:za|ce)\b|\baseguradora\b|\bpara el seguro\b|\bel reporte\b|\bexpediente\b"
        # (eleventh sets)
        r"|\brenuev\w+|\brenovar\w*"
    ),
    "informational": re.compile(
        r"\bque (?:hago|hacer|debo hacer|se hace|tengo que hacer|hacemos|hace uno|debemos hacer) (?:si|cuando|en caso)\b|\bplan (?:de|para) (?:familias|la familia|emergencias?|escape)\b|\bensenar(?:le)?\b|\bcomo (?:puedo|se(?! nada| fuera| no| hubiera)|hago para|le hago)\b|\ben caso de\b"
        r"|\bsi (?:la policia|un policia) me (?:para|detiene)\b|(?:^|[.?!,] )(?:y )?si (?:alguna vez |algun dia |un dia )?(?:yo )?(?:veo|viera|ves|hay|hubiera|me pasa|pasa|llego a ver|presencio|encuentro|me encuentro|me toca|siento|huelo|oigo|escucho|noto)\b"
        r"|\bconsejos?\b|\btips?\b|\bprevenci\w+|\bprevengo\b|\bclases?\b|(?<!en )\bcursos?\b|\bentrenamiento\b|\btaller(?:es)?\b|\bdocumentales?\b|\bsimulacro\b|\bcharlas?\b"
        r"|\bdetector(?:es)? de (?:humo|monoxido)\b|\balarma (?:de|contra) (?:humo|incendio)s?\b|\bextintor\b"
        r"|\bpelicula\b|\bnoticias?\b|\bserie\b|\bvideojuego\b|\bjuego\b|\blibro\b|\bcancion\b|\bpor error\b|\bsin querer\b|\bpor accidente\b|\bes legal\b"
        r"|\bpara (?:que (?:\w+ ){0,3}no|evitar)\b|\bevitar\b|\bprevenir\b|\bsenales\b|\bcomo reconocer\b|\bpara estar preparad[oa]s?\b"
        r"|\b(?:encontre|me encontre|halle) (?:un|una|unos|unas|el|la|los|las) (?:\w+ )?(?:navaja|pistola|arma|cuchillo|revolver|bala)s?\b|\b(?:balas?|municion|casquillos?|cartuchos?) (?:\w+ )?(?:que|q) (?:encontre|halle|me encontre)\b|\bentregar(?:la|lo)?\b|\bfelicitar\b|\bagradecer\b|\bvi en\b|\bnoticiero\b|\bepisodio\b|\bviendo (?:la |el |una |un |las |los )?(?:tele|television|tv|serie|novela|pelicula|noticias|video|programa|documental)"
        r"|\bplaticas? sobre\b|\bpresentacion\b|\btarea\b|\bestudiando\b|\bestadisticas\b|\binvestigacion\b|\brecursos\b|\bvoluntari\w+|\bgrupos? de apoyo\b|\bboletin\b"
        r"|\bno hay (?:fuego|humo)\b|\bsin fuego\b|\bfuma\b|\bfumar\b|(?<!con )(?<!con un )(?<!con el )(?<!con los )(?<!com )\bcigarr\w+|\bvape\w*|\bmarihuana\b|\btabaco\b|\bpila\b|\bbateria\b|\bcomo (?:lo |la |le |los )?(?:denuncio|reporto|informo)\b|\bsin q(?:ue)? (?:sepan|se entere)n?\b|\bdeshacerme de\b|\btirar (?:las |los )?(?:medicinas|medicamentos|pastillas)\b|\bcuando (?:debo|se debe|puedo) llamar al 911\b"
        r"|\bcasi me (?:da|dio|daba) (?:un )?(?:infarto|ataque)\b|\bme va a dar un (?:infarto|ataque)\b|\b(?:tele)?novela\b"
        # (thirteenth sets) a school play, "if I see one more ticket I'll have a heart attack",
        # learning first aid "in case"
        r"|\bobra (?:de teatro|de la escuela|escolar)\b|\buna obra (?:de|sobre)\b|\bsi (?:\w+ ){1,6}me (?:da|dara|daria) (?:un )?(?:infarto|ataque|patatus|soponcio)\b|\baprender a\b|\bpor si (?:pasa|ocurre|sucede) algo\b"
        r"|\ben caso de que\b|\bpor si (?:acaso|se pierde|se pierden|se me pierde)\b|\bplan de (?:escape|evacuacion|emergencia)\b"
        r"|\b(?:hay|tienen|existe) (?:algun|un|algunos) (?:programa|registro|grupo|servicio)\b|\ba quien (?:le )?(?:aviso|llamo|reporto|le digo)\b|\bse permite\b"
        r"|\bestafa\b|\bfraude\b|\bscam\b|\blegalmente\b|\bes (?:una )?pregunta\b|\bpregunta nomas\b|\b(?:solo|nomas|nada mas) (?:pregunto|es curiosidad)\b|\bpor curiosidad\b"
        r"|\bsi alguien (?:entra|entrara|se mete|se metiera|me ataca|me atacara|me roba)\b|\bcuant[oa]s \w+ (?:\w+ )?(?:hubo|hay|ha habido|hubieron)\b|\b(?:tienen|hay) (?:algun |un )?programa\b"
        r"|\bfree fire\b|\bhipotetic\w*|\bse me (?:perdio|perdieron)\b|\bperdi (?:mi|mis|la|el) (?:pistola|arma|cuchillo|navaja|rifle|escopeta)\b"
        rf"|\b(?:{ANIMALS}) (?:\w+ ){{0,3}}(?:se murio|murio|muerto|muerta|atropellad[oa])\b"
        # hearsay and the news, the 988 line as a subject, a program asked about
        r"|\bes verdad\b|\bverdad\s*\?|\brumor\w*|\bvi en (?:el )?(?:facebook|face|fb|instagram|tiktok|grupo)\b|\bdicen que\b|\bfilmando\b"
        r"|\b(?:es|era|sera|debe ser) (?:una )?(?:estafa|fraude)\b|\bel 988 (?:es|sirve)\b|\bpara que (?:es|sirve) el 988\b|\b(?:hay|existe|tienen) (?:algun |un |ese )?programa\b"
    ),
    "permit": re.compile(
        r"(?<!sin )(?<!sin mi )(?<!sin su )\bpermisos?\b|\blicencias?\b|\bvendo (?:mi|mis|una|el)\b|\bcandados? (?:para|de) armas?\b|\b(?:entrega|canje|recompra) de armas\b|\bsin preguntas\b|\bcon mis armas\b|\btenerlas? legal\w*\b|\bdejo un (?:revolver|arma|rifle)\b|\bregistr(?:o|ar) (?:de |la |el |mi )?(?:arma|pistola|alarma)\b|\bporte de armas?\b|\bcampo de tiro\b|\bpoligono\b"
        r"|\btrabajo\b|\btrabajar\b|\bguardias? (?:de seguridad )?armad[oa]s?\b|\bempleo\b|\bvacantes?\b|\bcontratando\b|\baplicar\b|\bbomberos?\b|\bde juguete\b|\bde agua\b|\bde balines\b"
        r"|\bfuegos artificiales\b|\bvender\b|\bventa\b|\bcomprar\b|\bcertificado\b|\belegibilidad\b|\bguard(?:ar|o) (?:las |los |mis )?armas\b|\bmilitar\b|\bejercito\b|\bfuerzas armadas\b"
        r""
        r"|\btransportar\b|\bdescargad[oa]\b|\bentregar (?:el|la|un|una|mi|su) (?:arma|pistola|rifle|escopeta)\b|\bdeshacerme de (?:el|la|un|una) (?:arma|pistola|rifle|escopeta)\b|\bcaceria\b|\bcazar\b"
        r"|\bregistr\w+|\bdecoraci\w+|\bdecorativ\w+|\bcoleccion\b|\bdel jardin\b|\bpara (?:cortar|limpiar|podar)\b"
        r"|\bcort\w+ (?:la |el )?(?:maleza|monte|cesped|grama|hierba|yerba)\b|\b(?:spray|gas) (?:de )?pimienta\b"
        # (ninth sets) a lawful weapon asked about: carried, legal, hunting, paintball
        r"|\bpuedo (?:legalmente )?(?:llevar|tener|cargar|portar|comprar|traer|transportar)\b|\b(?:pistola|arma|rifle|escopeta) legal\b|\bson legales\b"
        r"|\bcartuchos?\b|\btemporada de caza\b|\bcaza\b|\bpaintball\b|\bairsoft\b"
        # (eleventh sets)
        r"|\bse puede (?:llevar|cargar|portar|tener|andar con)\b|\bes (?:legal|ilegal|delito|crimen) (?:llevar|cargar|portar|andar con|tener)\b|\barma (?:legal|registrada|legalizada)\b"
    ),
    "negation": re.compile(
        r"\bno (?:amenaza|molesta|le hace nada) a nadie\b|\b(?:el|ella|mi \w+) (?:ya )?esta bien\b|\bno es nada grave\b|\bnada grave\b|\bno es (?:una )?emergencia\b|\bno es (?:nada )?urgente\b|\bnadie (?:salio |resulto |esta |fue |quedo )?(?:herido|lastimado)\b"
        r"|\bno hubo (?:heridos|lesionados)\b|\btodos (?:estan|estamos) bien\b|\bchoque (?:menor|leve|pequeno|chiquito)\b|\bsolo (?:un )?(?:rayon|golpecito|rasguno)\b"
        r"|\bno hay (?:ningun )?peligro\b"
        # (thirteenth sets) keys locked in a car with no child inside
        r"|\bno hay (?:ningun )?(?:ninos?|nino|nadie|bebes?)(?: ni \w+)? (?:adentro|dentro)\b"
        r"|\bno (?:le |les )?(?:pego|golpeo|lastimo|hirio|paso nada) a nadie\b|\bno hay heridos\b"
        # (eleventh sets)
        r"|\bno hay (?:violencia|golpes|amenazas)\b|\bno es (?:ahorita|ahora|en este momento)\b|\bno esta pasando (?:ahorita|ahora)\b"
    ),
    "gone": re.compile(
        r"\bse levanto y se fue\b|\bya se levanto\b|\bya se (?:fue|fueron)\b|\bse fueron\b|\bya no (?:esta|estan)\b|\bno habia nadie\b|\bmientras (?:estabamos|estaba) fuera\b"
    ),
    "audience": AUDIENCE,
    "safe": SAFE,
    "resolved": RESOLVED,
}


LEXICON = Lexicon("es", normalise, PATTERNS, CONTEXTS, PRESENT)
