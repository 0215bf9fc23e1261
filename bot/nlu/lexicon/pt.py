"""Brazilian Portuguese danger lexicon, with and without accents, in residents' texting style.

Written from the CVV's and the 988 Lifeline's warning signs, the contract's urgent definitions and
Brazilian texting ("vc", "tô", "tá", "pq", "agr", "kd", "socorro"). Text is lower-cased and
stripped of accents first ("não" = "nao", "fumaça" = "fumaca"). Context rules mean what the English
ones mean (bot/nlu/lexicon/base.py): "ontem", "mês passado", "boletim de ocorrência", "porte",
"não é emergência", "já foram embora".
"""

from __future__ import annotations

import re

from bot.nlu.lexicon.base import Lexicon, folding_normaliser
from bot.nlu.lexicon.base import pattern as _p

_TEXTING = {
    r"\bvc\b|\bvoce\b": "voce",
    r"\bq\b": "que",
    r"\b(?:pq|pk)\b": "porque",
    r"\bto\b(?= (?:\w+ando|\w+endo|\w+indo|em|com|sendo|trancad|escondid|sozinh|passando))": "estou",
    r"\btao\b(?= \w+(?:ando|endo|indo)\b)": "estao",
    r"\bta\b": "esta",
    r"\btb\b|\btbm\b": "tambem",
    r"\bmto\b|\bmt\b": "muito",
    r"\bagr\b|\bagra\b": "agora",
    r"\baki\b": "aqui",
    r"\bkd\b": "cade",
    r"\bpfv\b|\bpf\b|\bpor favo\b": "por favor",
    r"\bpra\b|\bpro\b": "para",
    r"\bn\b": "nao",
}


normalise = folding_normaliser(_TEXTING)


KID = r"(?:filh[oa]s?|crianca|menin[oa]|bebe|net[oa]|irmaozinho|irmazinha|molequ?e?)"
FAMILY = (
    r"(?:marido|esposa|esposo|mulher|namorad[oa]|ex(?: ?(?:marido|mulher|namorad[oa]|companheir[oa]))?|companheir[oa]|"
    r"padrasto|madrasta|pai|mae|filh[oa]|irma[o]?|sogr[oa]|cunhad[oa]|ti[oa]|prim[oa])"
)
DANGER_GERUND = (
    r"(?:entrando|invadindo|arrombando|roubando|assaltando|batendo|espancando|atirando|queimando|"
    r"sangrando|morrendo(?! de (?!overdose|hemorragia)\w+)|afogando|seguindo|perseguindo|ameacando|atacando|gritando|brigando|"
    r"esfaqueando|enforcando|sufocando|quebrando|matando)"
)

ANIMALS = "gato|gata|cachorro|cachorra|cao|veado|gamba|animal|passarinho|passaro|bicho|guaxinim|raposa|coelho"
PATTERNS = (
    _p(
        "pt-break-in",
        "emergency",
        "crime",
        r"\b(?:tem|ha) (?:alguem|um (?:homem|cara|estranho|desconhecido)|uns caras|ladr(?:ao|oes)|gente estranha)"
        r" (?:dentro|aqui dentro|entrando|na minha casa|em casa|no (?:quintal|porao)|no meu (?:quarto|apartamento))"
        r"|\b(?:estao|esta) (?:entrando|invadindo|arrombando|forcando) (?:a |na |minha |o |no )?(?:casa|porta|janela|apartamento|carro)?"
        r"|\b(?:entraram|invadiram|arrombaram)\b.*\b(?:estao|esta|tao|ta|ainda estao) (?:dentro|aqui|la dentro)\b"
        r"|\b(?:arrombando|invadindo)\b|\b(?:estao|esta) (?:assaltando|roubando) (?:o|a|os|as|um|uma)\b|\bestou sendo (?:assaltad[oa]|roubad[oa]|seguid[oa])\b|\bassalto (?:agora|acontecendo)",
    ),
    _p(
        "pt-kidnap-followed",
        "emergency",
        "crime",
        r"\bsequestr(?:o|aram|ando|ad[oa])\b|\blevaram (?:meu|minha|o|a) "
        + KID
        + r"|\b(?:me|nos) (?:esta |estao )?(?:seguindo|perseguindo)\b"
        r"|\b(?:alguem|um (?:homem|cara)|meu ex) (?:esta |ta )?(?:na|do lado de fora da|aqui na) (?:minha )?(?:porta|janela|casa)\b.*\b(?:agora|nao vai embora|batendo|gritando|arma|faca|taco|ameac)",
    ),
    _p(
        "pt-weapon",
        "emergency",
        "violence",
        r"(?<!nenhuma )(?<!nenhum )(?<!ningun )(?<!ninguna )(?<!sem )(?<!nao tem )(?<!nao tinha )\b(?:arma|armas|pistola|faca|facao|canivete|espingarda|fuzil)\b(?! (?:de (?:brinquedo|agua|pressao|airsoft|paintball)))"
        r"|\b(?:um|o|os|seu|seus|com|tem|tinha|sacou|meu|uns|esse|este) (?:rifles?|revolver)\b|\barmad[oa]s?\b|(?<!vao ouvir )(?<!vai ouvir )(?<!vao escutar )(?<!podem ouvir )(?<!pode ouvir )\btiros\b|\b(?:levou|levei|deu|deram|dar|dei|ouvi|ouvimos|escutei|barulho de|um) (?:um )?tiro\b|\btiroteio\b|\batir(?:ando|aram|ou|am|ar)\b|\bbalead[oa]\b|(?<!se )\bdisparos?\b|\besfaque(?:ou|aram|ado|ada|ando)\b",
    ),
    _p(
        "pt-assault",
        "emergency",
        "violence",
        r"\b(?:me|nos|ela|ele|a|o) (?:esta|estao) (?:batendo|espancando|enforcando|sufocando|atacando|chutando|esfaqueando)"
        r"|\b(?:esta|estao) (?:me |nos |a |o )?(?:batendo|espancando|enforcando|sufocando|atacando|chutando) (?:em mim|nela|nele|na|no)"
        r"|\b(?:ele|ela|eles|elas|alguem|o cara|o homem|(?:meu|minha|o|a) \w+|disse que|falou que) (?:\w+ )?(?:vai|vao|quer|querem|ta querendo|esta querendo) (?:me|nos|te) matar\b|\bameac(?:ando|ou) (?:de morte|me matar|matar)"
        r"|\bbriga (?:feia |agora |na rua |aqui )|\b(?:estao|esta) brigando\b|\bespancando (?:um|uma|alguem|meu|minha)"
        r"|\bestupr(?:o|aram|ando|ada)\b|\babuso sexual\b",
    ),
    _p(
        "pt-fire",
        "emergency",
        "fire",
        r"(?<!foi )(?<!e )(?<!eh )\bfogo\b(?! de artificio)|\bincendio\b|\bpegando fogo\b|\bcheio de fumaca\b|\bqueimando\b|\bfumaca\b(?! de cigarro| do churrasco| da churrasqueira)|\bchamas\b"
        r"|\bcheiro (?:forte )?de (?:gas|queimado|fumaca)\b|\bvazamento de gas\b|\bvazando gas\b|\bmonoxido\b|\bexplo(?:sao|diu)\b(?! de (?:raiva|rir|alegria|felicidade|emocao|odio))|\bfios? (?:caidos?|soltando faisca)",
    ),
    _p(
        "pt-medical",
        "emergency",
        "medical",
        r"\bnao (?:esta |consegue |consigo )?respira(?:ndo|r)?\b|\bdesmai(?:ou|ada|ado|ei)\b|\binconsciente\b|\bdesacordad[oa]\b"
        r"|\b(?:cachorro|cao|caes|cachorros|pitbull|animal) (?:\w+ ){0,2}(?:esta|estao|ta|tao) (?:mordendo|atacando)\b|\b(?:um|uns|o) (?:cachorro|cachorros|cao) (?:me )?(?:esta|ta) (?:mordendo|atacando)\b"
        r"|\b(?:apitou|tocou|disparou|ta apitando|esta apitando) (?:o |a )?(?:detector|alarme)\b.*\b(?:vomitando|tont[oa]s?|dor de cabeca|desmai\w+|nao acorda)\b"
        r"|\bnao (?:acorda|responde|reage|se mexe)\b|\bnao (?:esta )?(?:respondendo|reagindo|acordando|se mexendo)\b|\bnao para de sangrar\b|\bsem pulso\b|\bnao tem pulso\b"
        r"|\b(?:caiu|cair) na (?:piscina|represa|lagoa|rio)\b|\b(?:engoliu|tomou|comeu) (?:uns|os|remedios|comprimidos|veneno|agua sanitaria)\b"
        r"|\b(?:todo mundo|todos) (?:aqui )?(?:\w+ ){0,4}(?:tonto|tontos|com dor de cabeca|passando mal)\b|\binfarto\b|\bataque cardiaco\b|\bconvuls(?:ao|ionando|oes)\b|\boverdose\b"
        r"|\bafog(?:ando|ou)\b|\bsangrando muito\b|\bmuito sangue\b|\bavc\b|\bderrame\b|\bdor (?:forte )?no peito\b"
        r"|\b(?:ficando|esta|ficou) roxo\b|\bengasgad[oa]\b|\bengasgando\b|\bbolsa (?:estourou|rompeu)\b|\bentrou em trabalho de parto\b"
        r"|\btomou (?:todos os|um monte de|muitos|a cartela de) (?:remedios|comprimidos)",
    ),
    _p(
        "pt-crash",
        "emergency",
        "crash",
        r"\b(?:acidente|batida|bateram|capotou|capotado|colisao)\b.*\b(?:ferid[oa]s?|sangr\w*|pres[oa]s? nas ferragens|inconsciente|ambulancia|mort[oa]s?|machucad[oa]s?)"
        # an animal run over is for animal control, not a crash with injuries (ninth sets)
        rf"|\batropel(?:ou|ado|ada|aram)\b(?! (?:um|uma|o|a|meu|minha|nosso|nossa) (?:{ANIMALS})s?\b)|\bcaiu (?:no|num|na|numa) (?:rio|lago|barranco|canal|represa|ribanceira)\b",
    ),
    _p(
        "pt-missing",
        "emergency",
        "missing",
        r"\b(?:meu|minha|nosso|nossa|uma|um|a|o) "
        + KID
        + r" (?:\w+ ){0,6}(?:sumiu|desapareceu|fugiu de casa|nao voltou|nao chegou|esta perdid[oa]|se perdeu)"
        r"|\bnao (?:acho|encontro|consigo achar|consigo encontrar) (?:o |a )?(?:meu|minha) "
        + KID
        + r"|\bcrianca (?:desaparecida|perdida)\b"
        r"|\b(?:minha|meu) (?:avo|mae|pai) (?:com alzheimer |que tem demencia )?(?:sumiu|desapareceu|se perdeu)",
    ),
    _p(
        "pt-plea",
        "emergency",
        "plea",
        r"(?<!pronto-)(?<!pronto )\bsocorro\b|\b(?:me )?ajud(?:a|em)\b.*(?:!|por favor|pelo amor|rapido|urgente|agora)|\bpelo amor de deus\b"
        r"|\bmand(?:a|em|e) (?:a |uma )?(?:policia|ajuda|ambulancia|viatura|alguem)\b|\bchama(?:m)? (?:a policia|o 911|uma ambulancia)\b"
        r"|\be uma emergencia\b|^emergencia\s*[!.]*$|\bestou em perigo\b|\bmedo de morrer\b|\bestou escondid[oa]\b|\bestou trancad[oa]\b"
        r"|\bpreciso (?:da policia|de ajuda|de uma ambulancia) (?:agora|ja|urgente|rapido)",
    ),
    _p(
        "pt-attempt-now",
        "emergency",
        "medical",
        r"\b(?:vai|quer|ameacando) (?:se )?(?:jogar|pular) (?:da|de uma|do|de um) (?:ponte|predio|telhado|janela|sacada)",
    ),
    _p(
        "pt-abuse",
        "domestic_violence",
        "abuse",
        r"\b(?:meu|minha) "
        + FAMILY
        + r" (?:\w+ )?(?:me )?(?:bate|bateu|agride|agrediu|ameaca|ameacou|espanca|espancou|empurrou|enforcou|machuca|machucou|estuprou|chuta|chutou)\b"
        r"|\bme bate quando\b"
        r"|\b(?:me|nos) (?:bate|batem|espanca|espancam|agride|agridem|maltrata|maltratam|enforca|empurra)\b",
    ),
    _p(
        "pt-crisis",
        "crisis",
        "crisis",
        r"\b(?:quero|vou|queria|penso em|pensando em|vontade de|pensei em) (?:morrer|me matar|sumir|desaparecer|dormir e nao acordar|tirar (?:a )?minha (?:propria )?vida)\b(?! de (?:rir|fome|sono|vergonha|calor|frio|saudade|tedio|estudar|trabalhar|tanto|amor|amores|cansaco|raiva))"
        r"|\bvai se matar\b|\bquer se matar\b|\bsuicid\w*|\btirar a (?:propria )?vida\b|\b(?:nao )?(?:quero|aguento) mais viver\b|\bnao aguento mais\b"
        r"|\b(?:me cortar|me cortando|me corto|me machucar de proposito|me machucando)\b|\bsou um peso\b|\b(?:seria|seriam|ficariam) melhor sem mim\b|\bmelhor sem (?:alguem|gente|uma pessoa) como eu\b|\bfoi bom enquanto durou\b"
        r"|\bmelhor (?:eu )?(?:estar |estaria )?mort[oa]\b|\b(?:carta|cartas|mensagem|mensagens) de despedida\b|\bme despedindo\b"
        r"|\b(?:dando|doando) (?:todas )?(?:as )?minhas coisas\b|\bcomo (?:se enforcar|me enforcar|se matar|me matar|cortar os pulsos)\b|\bcomprei (?:uma )?corda\b|\b(?:juntando|guardando) (?:remedios|comprimidos)\b"
        r"|\bnao (?:tem|ha|vejo|tenho) (?:mais )?(?:nenhum )?(?:motivo|razao|sentido) (?:para|pra|em) (?:viver|continuar|seguir)\b|\bacabar com (?:tudo|a minha vida|minha vida)\b"
        r"|\b(?:vai |vou |quer |queria )?(?:dar|da|meter) um tiro na (?:propria )?cabeca\b|\bme dar um tiro\b"
        r"|\bja tenho (?:um|o|tudo) plan[oe]\w*\b|\bninguem vai me (?:impedir|parar)\b|\btenho (?:uma corda|os remedios|uma arma|um revolver)\b.{0,40}\b(?:usar|vou|penso)\b",
    ),
    # (tenth sets) a child cutting herself; tired of fighting; letters written in case
    _p(
        "pt-warning-signs-10",
        "crisis",
        "crisis_self",  # a how-to beside it ("o que eu faço", "caso") changes nothing
        r"\b(?:esta|anda|tem) se cortando\b|\bse corta (?:os bracos|os pulsos|as pernas|o corpo)\b"
        r"|\bcansad[oa] de (?:lutar|viver|tudo isso)\b"
        r"|\b(?:escrevi|deixei|fiz) (?:umas |as |minhas )?cartas? (?:pros|pras|para os|para as|para) (?:meus |minhas |meu |minha |o |a |os |as )?\w+ (?:caso|se|por via)\b",
    ),
)

# "agora" after "só descobri" / "soube" is when the writer found out, not danger now.
PRESENT = re.compile(
    r"(?<!\be )(?<!acontece )(?<!acontecer )(?<!faco )(?<!descobri )(?<!soube )\bagora\b(?! (?:preciso|quero|tenho que|como|o que|estou ligando|queria|vou precisar))|\be agora\b(?=\s+\w)|\bagorinha\b|\bneste momento\b|\bnesse momento\b|(?<!tao )(?<!tan )(?<!muito )(?<!bem )(?<!mais )(?<!volta )\brapido\b|\burgente\b|!!|\b(?:esta|estao) acontecendo\b"
    r"|\b(?:detector|alarme) (?:\w+ ){0,3}(?:ta|esta|tava) (?:apitando|tocando)\b.*\b(?:dor de cabeca|tontura|tont[oa]s?|vomit\w+|desmai\w+|passando mal)\b"
    r"|\b(?:apitou|tocou|disparou|ta apitando|esta apitando) (?:o |a )?(?:detector|alarme)\b.*\b(?:vomitando|tont[oa]s?|dor de cabeca|desmai\w+|nao acorda)\b"
    r"|\bacab(?:ou|aram) de (?:roubar|assaltar|atirar|esfaquear|bater|atropelar|cair|desmaiar)\w*|\b(?:saiu|sairam|foi|foram) correndo\b"
    r"|\b(?:detector|alarme) (?:\w+ ){0,4}(?:apitando|apitou|tocando|disparou)\b.*(?<!nao tem )(?<!sem )\b(?:fumaca|fogo|gas|tonto|tontos|vomitando)\b|\bainda (?:esta|estao) (?:aqui|ai|la|dentro|fora|no|na|em|me|nos|\w+ndo)\b|\bcontinua(?:m)? (?:aqui|ai|la|dentro|fora)\b"
    r"|\b(?:esta|estao|me|nos) (?:(?:me|nos) )?" + DANGER_GERUND + r"\b"
    r"|\btem (?:\w+ ){1,4}" + DANGER_GERUND + r"\b"
)

PATTERNS = (
    *PATTERNS,
    _p(
        "pt-protective-order",
        "domestic_violence",
        "abuse_help",
        r"\bmedida protetiva\b|\bordem de (?:restricao|protecao)\b|\brelacionamentos? abusivos?\b"
        r"|\b(?:marido|namorado|companheiro) (?:abusivo|violento)\b",
    ),
)

# abuse happening to someone now, in the passive ("está siendo golpeada"): a how-to beside it
# ("como puedo ayudarla") does not make it routine
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-abuse-ongoing",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:esta|estao|ta|tao) sendo (?:agredid|espancad|ameacad|abusad|maltratad)[oa]s?\b",
    ),
)


# Third pass (2026-12-01, session 5), general causes from the urgent sets' mistakes:
PATTERNS = (
    *PATTERNS,
    _p("pt-dv-topic", "domestic_violence", "abuse_topic", r"\bviolencia domestica\b"),
    _p(
        "pt-medical-now",
        "emergency",
        "medical_now",
        r"\b(?:rosto|boca) (?:caido|caida|torto|torta)\b|\bnao consegue falar direito\b|\bnao (?:acorda|reage|responde|respira)\b|\b(?:parou|deixou) de respirar\b|\bsem pulso\b|\bficando (?:roxo|roxa|azul)\b"
        r"|\b(?:bebeu|tomou|engoliu|comeu) (?:agua sanitaria|cloro|veneno|alvejante|produto de limpeza|remedios|comprimidos)\b",
    ),
    _p(
        "pt-tracks",
        "emergency",
        "medical_now",
        r"\b(?:parad[oa]|deitad[oa]|sentad[oa]|esperando) (?:na|nos) (?:linha do trem|trilhos?)\b|\bantes do trem (?:passar|chegar|vir)\b",
    ),
    _p(
        "pt-crime-now",
        "emergency",
        "crime",
        r"\b(?:caras?|homens?|alguem|um cara|dois caras|uns caras) (?:\w+ ){0,2}(?:serrando|arrombando|roubando|forcando|quebrando) (?:o|a|os|as|minha|meu)\b",
    ),
    _p(
        "pt-goodbye",
        "crisis",
        "crisis",
        r"\bpra me despedir\b|\bpara me despedir\b|\bja escrevi (?:a|minha) carta\b|\bcarta de despedida\b|\bhoje (?:e|eh) a noite\b",
    ),
)


# Fourth pass (2026-12-01, session 6): what the English fourth pass says (bot/nlu/lexicon/en.py),
# in Portuguese: written for others ("quero colocar no mural da igreja", "um folheto da ONG"),
# abuse behind the writer ("ja estou bem, longe dele"), "quase tive um infarto", "para caso ela se
# perca"; unconscious, a child who swallowed pills; "me perdoem por tudo"; abuse by control.
AUDIENCE = re.compile(
    r"\bpara (?:compartilhar|colocar|postar|divulgar|botar|espalhar|mandar) (?:\w+ )?(?:no|na|nos|nas|em|pelo|pela)\b"
    r"|\bpara (?:o|a|um|uma|meu|minha|nosso|nossa) (?:\w+ ){0,2}(?:projeto|trabalho da escola|trabalho escolar|redacao|folheto|panfleto|cartaz|apresentacao|palestra|evento|feira|aula|caminhada|mural)\b"
    r"|\b(?:projeto|trabalho|redacao|pesquisa) (?:da|de|para a) (?:escola|faculdade|aula|igreja)\b"
    r"|\b(?:fazer|fazendo|faco|preparando|montando) (?:um|uma|uns|umas) (?:folhetos?|panfletos?|cartaz(?:es)?|apresentacao|palestra)\b|\bentrevistar (?:um|uma) (?:policial|detetive|agente)\b"
    r"|\bvoluntari[oa]s?\b|\bvoluntariado\b|\bsaiu de um relacionamento\b|\bmural da igreja\b|\bda ong\b|\b(?:grupo|grupos) (?:do whatsapp|de mulheres|da igreja|de maes)\b"
    # (twelfth sets) leaflets, a church spreading the word, a social worker referring clients
    r"|\b(?:panfletos?|folhetos?)\b|\bdivulgar\b|\bquer(?:o|emos|ia|iamos) doar\b|\bdoar (?:roupas|fraldas|comida|brinquedos|moveis|cobertores)\b|\b(?:sou|e) (?:um |uma )?assistente social\b|\bencaminhar (?:clientes|pessoas|vitimas|familias)\b|\b(?:doar|doacao|doacoes) (?:\w+ ){0,4}(?:a|ao|para|pro|pra|para o|para a) (?:um |uma |o |a )?(?:\w+ ){0,2}(?:abrigos?|casas? de apoio|programas?|campanhas?)\b"
)
SAFE = re.compile(
    r"\bja (?:estou|estamos|esta|estao) (?:bem|segur[oa]s?|tranquil[oa]s?|a salvo)\b|\bestou segura\b|\blonge dele\b|\blonge dela\b|\bnao (?:estou|moro) mais com (?:ele|ela)\b"
    r"|\bisso (?:foi|aconteceu) (?:ha|faz) (?:\w+ )?(?:anos|meses|tempo)\b"
    # (fourteenth sets) "hoje to bem"; the abuser arrested or in jail ("preso" alone is also "stuck")
    r"|\bhoje (?:eu )?(?:to|estou|tou) bem\b|\b(?:ja )?(?:foi|foram) pres[oa]s?\b|\b(?:ta|esta|estao) (?:na cadeia|na prisao)\b"
)
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-unconscious",
        "emergency",
        "medical_now",
        r"\bdesacordad[oa]\b|\bdesmaiad[oa]\b.{0,30}\b(?:nao acorda|nao responde|nao reage)\b|\bsaindo (?:muito )?sangue (?:da|do) (?:cabeca|boca|nariz|ouvido)\b"
        r"|\b"
        + KID
        + r"\b.{0,40}\b(?:tomou|engoliu|comeu|bebeu) (?:uns|umas|os|as|meus|minhas|seus|varios|varias|todos os|um monte de) (?:\w+ )?(?:remedios|comprimidos|capsulas|pilulas|vitaminas)\b",
    ),
    _p(
        "pt-jump",
        "crisis",
        "crisis_self",
        r"\b(?:vontade de|quero|queria|vou|penso em|pensando em) (?:me jogar|pular) (?:da|do|de uma|de um|na frente)\b",
    ),
    _p(
        "pt-method-research",
        "crisis",
        "crisis_self",
        r"\bquant[oa]s (?:\w+ ){0,2}(?:remedios|comprimidos|pilulas|tylenol) (?:\w+ ){0,3}(?:para morrer|matam|sao fatais|da overdose)\b|\bdose (?:letal|fatal)\b|\bdoi (?:morrer|se enforcar)\b",
    ),
    _p(
        "pt-forgive-me",
        "crisis",
        "crisis",
        r"\b(?:me )?perdo(?:em|a|e) por tudo\b|\bdesculp(?:a|em) por tudo\b.*\b(?:amo|tchau|adeus)\b",
    ),
    _p(
        "pt-control-abuse",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:me )?tranca (?:a porta )?(?:por fora|em casa|no quarto)\b|\bfico presa\b|\bnao me deixa sair (?:de casa|do quarto)\b"
        r"|\b(?:escondeu|esconde|rasgou|queimou|sumiu com) (?:os |o |a |as )?(?:meus |minha |meu |seus |sua |seu )?(?:documentos|passaporte|green card|papeis|visto)\b"
        r"|\b(?:ameaca|ameacou|fala|diz) (?:\w+ ){0,3}(?:me denunciar|chamar a imigracao|ligar para a imigracao|que eu vou ser deportad[oa]|me deportar|tirar (?:os )?meus filhos)\b",
    ),
    _p(
        "pt-lines",
        "emergency",
        "fire",
        r"\bfios? (?:de luz |eletricos? |de energia )?(?:\w+ ){0,3}(?:soltando faisca|faiscando|pegando fogo|caidos?|no chao)\b",
    ),
)

# ...and from the fifth sets' mistakes: a weapon drawn, "a quantidade que mata", pills in hand,
# shelters, threats to take the children, a will and a pet given away; scams, hypotheticals,
# "não tem perigo", "já acalmou tudo".
RESOLVED = re.compile(
    r"\bja acalmou(?: tudo)?\b|\besta tudo (?:calmo|tranquilo)(?: agora)?\b|\bja passou (?:tudo)?\b|\ba familia levou (?:ele |ela )?embora\b|\balarme falso\b|\bfalso alarme\b"
    r"|\bera (?:so|soh|apenas) (?:o|a|um|uma)\b(?! (?:duvida|pergunta|consulta))|\bchurrasco\b"
    r"|\bqueima controlada\b|\b(?:ta|esta|tah) tudo (?:certo|bem|ok|tranquilo)\b|\b(?:e|eh|era|foi) (?:um |uma )?(?:golpe|fraude|trote)\b|\bera (?:um )?filme\b|\bestavam (?:gravando|filmando)\b"
    r"|\b(?:e|era|deve ser|acho que e) (?:a|as) baterias?\b|\bbateria (?:fraca|baixa|acabando|descarregada)\b|\b(?:ta|esta|tah) tudo (?:quieto|calmo)\b|\bagora (?:ta|esta) tudo (?:quieto|calmo|tranquilo|normal)\b"
    # (eleventh sets)
    r"|\bpacote (?:esta |ta )?(?:preso|retido|parado)\b|\bcliquei no link\b|\b(?:voces|vcs|a policia) (?:ligam|liga|mandam mensagem) (?:assim|para cobrar|cobrando)\b"
    # (twelfth sets)
    r"|\bja (?:apareceu|apareceram|achamos|encontramos|acharam|encontraram)\b|\bfoi (?:so |soh |apenas )?(?:um )?susto\b|\ba ambulancia ja (?:veio|chegou|levou)\b|\bja (?:veio|chegou) a ambulancia\b"
)
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-weapon-drawn",
        "emergency",
        "threat_now",
        r"\b(?:sacou|puxou|puxando|sacando|tirou) (?:uma|um|a|o|sua|seu) (?:arma|faca|pistola|revolver|canivete|facao)\b",
    ),
    _p(
        "pt-means-at-hand",
        "crisis",
        "crisis_self",
        r"\b(?:quantidade|dose) (?:de \w+ )?(?:que|q) mata\b|\bquant[oa]s? (?:\w+ ){0,3}(?:mata|matam)\b|\b(?:estou|esta) com (?:os|uns|todos os|meus) (?:remedios|comprimidos) na mao\b",
    ),
    _p(
        "pt-shelter",
        "domestic_violence",
        "abuse_help",
        r"\babrigo (?:para|de) (?:mulher(?:es)?|vitimas)\b|\bmulher(?:es)? que apanha(?:m)?\b|\bcasa abrigo\b"
        r"|\bameac(?:a|ou|ando) (?:de )?levar (?:as criancas|os meninos|meus filhos|os filhos|nossos filhos)\b",
    ),
    _p(
        "pt-will",
        "crisis",
        "crisis",
        r"\b(?:fiz|escrevi) (?:o |meu )?testamento\b.*\b(?:hora|dei|despedi|cachorro|gato|filhos)\b|\bdei (?:o |a )?(?:meu|minha) (?:cachorro|gato|cachorra|gata)\b.*\b(?:hora|depois|quando eu)\b|\bchegou a (?:minha )?hora\b",
    ),
)

PATTERNS = (
    *PATTERNS,
    # a theft told in the past, with the thief still running: urgent only with present time
    _p(
        "pt-snatched",
        "emergency",
        "past_verb",
        r"\b(?:me |nos )?(?:roubaram|arrancaram|puxaram|levaram) (?:a |o |minha |meu )?(?:bolsa|celular|carteira|corrente|mochila)\b",
    ),
)

PATTERNS = (
    *PATTERNS,
    _p(
        "pt-crash-on-purpose",
        "crisis",
        "crisis_self",
        r"\b(?:bater|jogar|enfiar) (?:o |meu )?carro\b.{0,40}\bde proposito\b|\b(?:me matar|morrer|tirar minha vida) sem (?:doer|dor|sofrer)\b",
    ),
    _p(
        "pt-door-kicked",
        "emergency",
        "crime",
        r"\b(?:chutando|esmurrando|socando|arrombando|forcando|batendo na) (?:a |minha )?porta\b",
    ),
)

# the writer says they live with it: a how-to or "for years" beside it does not make it routine
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-dv-disclosed",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:sofro|vivo|estou vivendo|sou vitima de|passo por|aguento) (?:de )?violencia (?:domestica|familiar)\b",
    ),
)

# ...and from the sixth sets' mistakes: "hoje é o último dia dela", "se acontecer algo comigo
# cuida dos meus filhos", "pra que continuar", "odeia a vida", "como se enforcar" as a plan,
# "o frasco inteiro", a choke told without "meu marido"; a dead animal, a barbecue's smoke.
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-warning-signs-6",
        "crisis",
        "crisis_self",
        r"\bhoje (?:e|eh) (?:o )?(?:meu |seu )?ultimo dia\b(?! de\b| do\b| da\b| no trabalho| na escola)|\bja (?:decidi|ta decidido|esta decidido)\b"
        r"|\bse (?:acontecer|me acontecer) (?:alguma coisa|algo) (?:comigo)?\b.{0,40}\bcuid(?:a|em|ar)\b|\bcuida(?:m)? (?:dos|das) meus filhos\b"
        r"|\bpara que (?:continuar|viver|seguir|lutar)\b|\bodei(?:a|o) (?:a|minha) vida\b",
    ),
    _p(
        "pt-means-6",
        "crisis",
        "crisis_self",
        r"\btomar (?:o|um) (?:frasco|vidro|pote) (?:todo|inteiro)\b|\b(?:o|um) (?:frasco|vidro) inteiro\b|\btomar todos os (?:remedios|comprimidos)\b"
        r"|\bcomo (?:se enforcar|me enforcar|se matar|me matar|cortar os pulsos)\b|\b(?:separei|juntei|guardei|contei) (?:os|uns|meus|todos os) (?:comprimidos|remedios)\b",
    ),
    _p(
        "pt-choked",
        "domestic_violence",
        # strangulation is the strongest warning of a homicide to come: "sin querer", "ayer" or a
        # question beside it does not make it routine
        "abuse_ongoing",
        r"\b(?:apertou|aperta|apertando|apertava) (?:o )?meu pescoco\b|\bme (?:enforcou|enforca|esganou|esgana|sufocou)\b",
    ),
    # (seventh sets) a poison or a battery swallowed; a teenager not home all night and not
    # answering; "querer morrer", "no meu limite", "amanhã não vou mais estar aqui"; the means
    # beside depression; "ele some com as crianças"
    _p(
        "pt-swallowed-poison",
        "emergency",
        "medical_now",
        r"\b(?:bebeu|bebi|engoliu|engoli|tomou|tomei|comeu) (?:\w+ ){0,3}(?:agua sanitaria|candida|veneno|chumbinho|soda caustica|desentupidor|bateria|pilha|ima|baterias|pilhas|imas)\b",
    ),
    _p(
        "pt-not-home",
        "emergency",
        "missing_now",
        r"\bnao (?:voltou|chegou|dormiu|veio) (?:pra|para|em|a) casa\b.{0,80}\bnao (?:atende|responde|aparece)\b",
    ),
    _p(
        "pt-warning-signs-7",
        "crisis",
        "crisis_self",
        r"\bquer(?:er|endo) morrer\b|\bvontade de morrer\b|\b(?:to|tou|estou) no (?:meu )?limite\b|\bnao (?:to|tou|estou) bem da cabeca\b"
        r"|\bnao vou (?:mais )?estar (?:mais )?aqui\b|\bja nao vou estar aqui\b|^(?:eu )?ja escolhi o dia\s*[.!]*$"
        r"|\bdeprimid[oa]\b.{0,80}\b(?:espingarda|arma|pistola|revolver|rifle|corda|remedios|comprimidos)\b",
    ),
    _p(
        "pt-take-children",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:some|sumir|sumo|foge|fugir|leva|levar|levo) com (?:as |os )?(?:meus |minhas |nossos |nossas )?(?:criancas|filhos|filhas|meninos|meninas)\b",
    ),
    # (eighth sets) a threat that keeps the writer from calling for help: "se eu chamar a polícia
    # ele mata meu cachorro"; shop windows smashed now (European Portuguese "a partir as montras")
    _p(
        "pt-threat-if-called",
        "domestic_violence",
        "abuse_ongoing",
        r"\bse eu (?:chamar|ligar (?:pra|para)|denunciar|contar (?:pra|para)|for (?:na|a) policia)\b.{0,40}\b(?:mata|matar|machuca|machucar|bate|bater|some|sumir|leva|levar)\b",
    ),
    _p(
        "pt-smashing-now",
        "emergency",
        "violence",
        r"\b(?:a partir|partindo|quebrando|estourando) (?:as |os |a |o )?(?:montras?|vitrines?|janelas?|vidros?|vidracas?)\b",
    ),
    _p(
        "pt-fire-out-of-control",
        "emergency",
        "fire",
        r"\bnao (?:consigo|conseguimos|consegui|da para) apagar\b|\b(?:fogo|fogao|lareira|chamas|incendio)\b.{0,40}\b(?:saiu|fugiu) do controle\b",
    ),
    _p(
        "pt-suspicious-package",
        "emergency",
        "crime",
        r"\b(?:mala|mochila|pacote|caixa|bolsa)s? (?:estranh[ao]s?|suspeit[ao]s?)\b.{0,40}\b(?:fios?|fiacao|fazendo tic|apitando)\b",
    ),
    _p(
        "pt-self-harm-8",
        "crisis",
        "crisis",
        r"\bseria melhor (?:sofrer |ter )?um acidente\b|\bme queimo (?:com (?:cigarr\w+|isqueiro)|de proposito|quando)\b|\btomara que (?:eu )?(?:sofra|tenha) um acidente\b|\btomara que eu nao acorde\b",
    ),
)

# (ninth sets) a knife in hand; carbon monoxide with symptoms; a relative who says they will jump
# or who talks of suicide; dark thoughts; control over work and family; forced sex; bruises from
# him; fled home and need a place to stay
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-weapon-in-hand-9",
        "emergency",
        "threat_now",
        r"\bcom (?:uma|um) (?:faca|facao|arma|pistola|revolver|taco|machado) na mao\b",
    ),
    _p(
        "pt-co-symptoms-9",
        "emergency",
        "medical_now",
        r"\bmonoxido\b.{0,80}\b(?:dor de cabeca|tontura|tont[oa]s?|enjoo|enjoad[oa]s?|desmai\w+|vomit\w+)\b",
    ),
    _p(
        "pt-crisis-other-9",
        "crisis",
        "crisis_self",
        r"\bvai se (?:jogar|atirar) (?:da|de uma|do|de um|de cima d[ao]) ?(?:ponte|predio|janela|viaduto|penhasco|telhado)\b"
        r"|\b(?:fala|falando|falou|fica falando) (?:em|de|sobre) (?:suicidio|se matar|tirar a (?:propria )?vida)\b"
        r"|\b(?:so|muito|mto|cheio de|com) pensamentos? rui(?:m|ns)\b",
    ),
    _p(
        "pt-warning-signs-9",
        "crisis",
        "crisis_self",
        r"\b(?:nenhum|sem|nao tenho) motivo (?:pra|para) (?:viver|continuar)\b|\bjogar o carro (?:embaixo|debaixo|contra|na frente) d\w+\b"
        r"|\b(?:guardado|guardando|juntando|escondido) (?:uns |alguns |os |varios )?(?:comprimidos|remedios|pilulas)\b.{0,40}\b(?:hoje e o dia|chegou a hora|e a hora|para acabar com tudo)\b",
    ),
    _p(
        "pt-abuse-9",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:tenho|to com|estou com|tô com) medo (?:de )?(?:que |q )?(?:ele|ela) (?:faca|volte a fazer|faz) (?:isso )?de novo\b"
        r"|\b(?:meu (?:marido|namorado|esposo|companheiro|ex)|minha (?:esposa|namorada|companheira|ex)|ele|ela) nao me deixa (?:trabalhar|sair|ver (?:minha|meus|a minha)|falar com)\b"
        r"|\bforca(?:r|va)? (?:a )?relac(?:ao|oes)\b|\bme obriga a (?:ter relacao|transar)\b"
        r"|\b(?:roxo|roxa|hematomas?|marcas?) (?:no|na|nos|nas) (?:braco|bracos|pescoco|rosto|olho|perna)s?\b.{0,40}\b(?:ele|ela) (?:apertou|bateu|me pegou|agarrou)\b"
        r"|\bfugi de casa\b.{0,80}\b(?:lugar (?:pra|para) ficar|abrigo)\b",
    ),
)

# (tenth session) intruders still heard in the house
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-intruder-heard",
        "emergency",
        "crime",
        r"\bainda (?:tou|estou|tamo|estamos) (?:ouvindo|escutando) (?:eles|ele|ela|alguem|gente|passos|barulho)\b"
        r"|\b(?:estou|tamo|estamos) (?:ouvindo|escutando) (?:eles|alguem|gente|passos) (?:la embaixo|la em cima|dentro de casa|no porao|na cozinha)\b",
    ),
)

# (eleventh sets) a child put into a car, men following; a gun handed in "antes que eu faça uma
# besteira", "só falta coragem", "melhor sumir de vez", not planning to stay long; the phone
# taken, fear of him
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-child-taken",
        "emergency",
        "missing_now",
        r"\blevaram (?:o |a )?(?:meu|minha) (?:filh[oa]|sobrinh[oa]|net[oa]|menin[oa]|bebe|irmaozinho|irmazinha)\b"
        r"|\b(?:colocaram|botaram|puseram|enfiaram|colocou|botou|enfiou) (?:ele|ela|o menino|a menina|meu filho|minha filha) (?:a forca )?(?:num|numa|no|na|dentro d[eo]) (?:van|carro|caminhonete|perua)\b",
    ),
    _p(
        "pt-followed",
        "emergency",
        "threat_now",
        r"\b(?:estao|esta|tem (?:uns|dois|um) (?:caras?|homens?)) (?:me )?seguindo\b(?! (?:no|o|a) (?:insta|instagram|face|tiktok))"
        r"|\bme (?:seguindo|segue|seguem) (?:\w+ ){0,4}(?:desde (?:que|o|a)|num carro|numa (?:moto|caminhonete|van))\b",
    ),
    _p(
        "pt-warning-signs-11",
        "crisis",
        "crisis_self",
        r"\bantes que eu (?:faca|fizer) (?:uma |alguma )?(?:besteira|bobagem|loucura|merda)\b"
        r"|\b(?:so|soh|agora so) (?:me )?falta (?:a |ter )?coragem\b"
        r"|\bmelhor (?:sumir|eu sumir|desaparecer) (?:de vez|pra sempre|para sempre|do mapa)\b"
        r"|\bnao (?:pretendo|penso em|vou) (?:ficar|estar|durar) (?:aqui |por aqui )?(?:mt|muito|mais muito) tempo\b"
        r"|\b(?:arma|pistola|remedios|comprimidos|corda|veneno)\b.{0,40}\bpara acabar com (?:isso|tudo|minha vida)\b",
    ),
    _p(
        "pt-abuse-11",
        "domestic_violence",
        "abuse_ongoing",
        r"\b(?:tenho|estou com|ando com) (?:muito )?medo (?:dele|do meu (?:marido|namorado|ex|companheiro|esposo))\b"
        r"|\b(?:tirou|pegou|escondeu|quebrou) (?:o )?meu (?:celular|telefone|passaporte)\b.{0,40}\b(?:para eu nao|para nao|nao consigo ligar)\b",
    ),
)

# Twelfth pass (2026-12-03, twelfth session): a car left running in a closed garage, "how many
# pills is too much, asking for myself", a tracker hidden by the ex.
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-garage-car-12",
        "emergency",
        "medical_now",
        r"\b(?:carro|motor) (?:esta )?ligado\b.{0,30}\bgaragem\b|\bgaragem (?:fechada )?com o (?:carro|motor) ligado\b",
    ),
    _p(
        "pt-warning-signs-12",
        "crisis",
        "crisis_self",
        r"\bquant[oa]s (?:\w+ ){0,2}(?:tylenol|paracetamol|comprimidos|remedios|pilulas|dipirona)\b.{0,60}\b(?:por|para) mim mesm[oa]\b",
    ),
    _p(
        "pt-tracked-12",
        "domestic_violence",
        "abuse",
        r"\brastreador\b.{0,60}\b(?:meu ex|meu marido|meu namorado|ele)\b|\bme (?:rastreia|rastreando|monitora|vigia) (?:pelo|pela|com o|com a) (?:gps|celular|telefone|localizacao|app|aplicativo)\b|\bsempre sabe onde (?:eu )?(?:estou|to)\b",
    ),
)

# Thirteenth pass (2026-12-03, thirteenth session): "ninguem ia notar se eu morresse", a gun to be
# used "em mim", "nao aguento" on a rooftop or a bridge, the pain to stop "qualquer jeito".
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-warning-signs-13",
        "crisis",
        "crisis_self",
        r"\bninguem (?:nem )?(?:ia|iria|vai|vai nem|nem ia|nem iria)? ?(?:nem )?(?:notar|perceber|sentir (?:a )?(?:minha )?falta|ligar|se importar|ligaria|notaria|perceberia)\b.{0,40}\bse eu (?:morresse|sumisse|morrer|sumir|fosse embora|nao estivesse|me matasse)\b"
        r"|\bse eu (?:morresse|sumisse|morrer|sumir)\b.{0,40}\bninguem (?:nem )?(?:ia|iria|vai)? ?(?:nem )?(?:notar|perceber|sentir (?:a )?(?:minha )?falta|ligar)\b"
        r"|\busar (?:ela|ele|isso|a arma|o revolver|a espingarda) (?:em mim|contra mim|comigo)\b|\bme dar um tiro\b"
        r"|\b(?:nao aguento|ja nao aguento|nao consigo mais)\b.{0,80}\b(?:telhado|terraco|laje|ponte|trilho|beirada|penhasco)\b|\b(?:telhado|terraco|laje|ponte|trilho|penhasco)\b.{0,80}\b(?:nao aguento|nao consigo mais|pular|me jogar)\b"
        r"|\b(?:quero|queria) que (?:a|essa) dor (?:pare|parasse|acabe|acabasse|passe|passasse)\b.{0,40}\b(?:qualquer (?:jeito|forma|coisa)|de qualquer jeito|como for)\b"
        r"|\b(?:to|tou|estou) (?:em cima|no alto|na beira|na beirada) d[oa] (?:telhado|terraco|laje|predio|ponte|viaduto)\b|\b(?:a agua|o rio|o mar) (?:ta|esta|fica) me chamando\b",
    ),
    _p(
        "pt-danger-13",
        "emergency",
        "threat_now",
        r"\b(?:levou|levei|tomou|tomei|deram|deu) (?:uma |umas |duas |varias )?facadas?\b|\bassalto\b.{0,30}\bagora\b|\bmandou (?:todo mundo|a gente|geral) passar\b",
    ),
    _p(
        "pt-missing-13",
        "emergency",
        "missing_now",
        r"\b(?:demencia|alzheimer)\b.{0,80}\b(?:nao voltou|ainda nao voltou|sumiu|nao achamos|nao encontramos|desapareceu|se perdeu)\b"
        r"|\b(?:nao voltou|sumiu|desapareceu|se perdeu)\b.{0,80}\b(?:demencia|alzheimer)\b",
    ),
    _p(
        "pt-plea-13",
        "emergency",
        "plea",
        r"^(?:me )?ajud(?:a|em)(?: (?:aqui|pf|pfv|por favor|pls))?\s*[!.]*$",
    ),
)

# Fourteenth pass (2026-12-04, fourteenth session): a child forced into a van (not over because it
# drove off), hiding from someone in the house, "vai tomar veneno".
PATTERNS = (
    *PATTERNS,
    _p(
        "pt-abducted-14",
        "emergency",
        "missing_now",
        r"\b(?:colocou|colocaram|enfiou|enfiaram|puxou|puxaram|jogou|jogaram|arrastou|arrastaram|pegou|pegaram|empurrou|empurraram) (?:uma|um|a|o|minha|meu|essa|esse) (?:menina|menino|crianca|mulher|moca|garota|garoto|jovem|adolescente|senhora|pessoa|"
        + KID
        + r")\b.{0,40}\b(?:a forca|(?:dentro d[oa]|no|na|em um|num|numa) (?:\w+ ){0,2}(?:van|carro|caminhonete|furgao|porta-malas|caminhao))\b",
    ),
    _p(
        "pt-hiding-14",
        "emergency",
        "threat_now",
        r"\b(?:me|nos) (?:tranquei|trancamos|escondi|escondemos) (?:no|na|debaixo da|dentro do|dentro da) (?:banheiro|quarto|armario|cama|porao|carro)\b",
    ),
    _p(
        "pt-poison-14",
        "crisis",
        "crisis_self",
        r"\b(?:vai|vou|quer|quero|ta querendo|esta querendo) (?:tomar|beber|engolir) (?:o |um |uma )?(?:veneno|chumbinho|agua sanitaria|os remedios|todos os remedios)\b",
    ),
)

CONTEXTS = {
    "past": re.compile(
        r"\b(?:detiveram|prenderam|levaram preso|faleceu|faleceram|perdeu o|perdeu a)\b|\bperdi (?:o |a )?(?:meu|minha) (?:mae|pai|avo|marido|esposa|esposo|irmao|irma|tio|tia|emprego)\b|\bontem\b|\banteontem\b|\b(?:semana|noite) passada\b|\b(?:mes|ano|fim de semana|verao|inverno) passado\b"
        r"|\b(?:ha|faz) (?:\w+ )?(?:dias?|semanas?|mes(?:es)?|anos?|tempo)\b|\boutro dia\b|\bmes retrasado\b"
        r"|\bquando (?:\w+ ){0,3}(?:teve|tava|estava|foi|aconteceu|roubaram|assaltaram)\b"
        r"|\bna (?:segunda|terca|quarta|quinta|sexta)(?:-feira)?(?: passada)?\b|\bno (?:sabado|domingo)(?: passado)?\b|\bem (?:19|20)\d\d\b|\bde (?:19|20)\d\d\b"
        # (fourteenth sets) "anos atras"
        r"|\b(?:\w+ )?(?:dias?|semanas?|mes(?:es)?|anos?) atras\b"
        # (twelfth sets) "roubaram em outubro"
        r"|\bem (?:janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)\b(?! (?:vou|vamos|vai|que vem))"
    ),
    "records": re.compile(
        r"\bboletim(?: de ocorrencia)?\b|\bbo\b|\bcopia\b|\brelatorio (?:policial|da policia|do acidente|do caso)\b"
        r"|\bnumero do (?:caso|processo|bo|boletim)\b|\brelatorios?\b|\bseguro do carro\b|\bpara o seguro\b|\bseguradora\b|\bpolice report\b"
        # (eleventh sets)
        r"|\brenova\w*"
    ),
    "informational": re.compile(
        r"\bo que (?:fazer|faco|devo fazer|eu faco|a gente faz|se deve fazer|a gente deve fazer|se faz) (?:se|quando|em caso)\b|\bcomo (?:faco|posso|se(?! nada| fosse| nao| tivesse)|que)\b|\bcomo eu\b(?!\s*[.!?]*$)|\bem caso de\b"
        r"|\bse a policia me (?:parar|abordar|pegar)\b|(?:^|[.?!,] )(?:e )?se (?:algum dia |um dia |alguma vez )?(?:eu )?(?:ver|vir|visse|tiver|houver|acontecer|presenciar|encontrar|me deparar|sentir|ouvir|notar|perceber)\b"
        r"|\bdicas?\b|\bprevenc\w+|\baulas?\b|(?<!em )(?<!en )\bcursos?\b|\btreinamento\b|\bsimulad[oa]\b|\bsimulac(?:ao|oes)\b|\bpalestras?\b"
        r"|\bdetector(?:es)? de (?:fumaca|monoxido)\b|\balarme de (?:incendio|fumaca)\b|\bextintor\b"
        r"|\bfilme\b|\bdocumentarios?\b|\btrabalho (?:da|de) (?:faculdade|escola)\b|\bfaculdade\b|\bestudando\b|\bdados\b|\bestatisticas\b|\brecursos\b|\bvoluntari\w+|\bgrupo de apoio\b|\bgrupo do whatsapp\b"
        r"|\bnao (?:tem|ha) (?:fogo|fumaca)\b|\bsem fogo\b|\bfuma\b|\bfumar\b|(?<!com )(?<!com um )(?<!com o )(?<!con )\bcigarr\w+|\bmaconha\b|\bnarguile\b|\bbateria\b|\bpilha\b|\bcomo (?:eu )?(?:denuncio|aviso|reporto)\b|\bsem (?:saberem|que saibam)\b|\bnoticias?\b|\bnovela\b|\bserie\b|\bjogo\b|\blivro\b|\bmusica\b|\bsem querer\b|\bpor engano\b|\bpor acidente\b|\be legal\b"
        r"|\bpara evitar\b|\bevitar\b|\bprevenir\b|\bsinais\b|\bcomo reconhecer\b|\b(?:achei|encontrei) (?:uma?|o|a) (?:faca|arma|pistola|revolver|bala|canivete)s?\b|\bentregar\b|\bentrego\b|\belogiar\b|\bagradecer\b"
        r"|\bjornal\b|\bepisodio\b|\bassistindo\b|\bassisti\b|\bvi na (?:tv|internet|noticia)\b"
        r"|\bpalestras? sobre\b|\bdescart\w+|\bjogar fora (?:os )?(?:remedios|medicamentos)\b|\bquando (?:devo|posso|se deve) ligar (?:para o|para) 911\b"
        r"|\bquase (?:tive|me deu|que tive|me da|morri de) (?:um )?(?:infarto|ataque)\b|\bvou ter um (?:infarto|ataque)\b"
        r"|\bpara (?:o )?caso (?:de|dela|dele|ela|ele|eu)\b|\bplano de (?:fuga|evacuacao|emergencia)\b|\bmaterial em\b"
        r"|\btem (?:algum|um) (?:programa|cadastro|grupo|servico)\b|\bpara quem (?:eu )?(?:aviso|ligo|reporto|falo)\b"
        r"|\bgolpe (?:do|de|no|pelo|pela)\b|\bgolpista\b|\bfraude\b|\bscam\b|\blegalmente\b|\bso (?:uma )?pergunta\b|\b(?:so|soh|apenas) para saber\b|\bpergunto (?:so|soh|apenas|por curiosidade)\b|\bpor curiosidade\b"
        r"|\bse alguem (?:entrar|invadir|me atacar|me roubar)\b|\bquant[oa]s \w+ (?:\w+ )?(?:teve|tem|houve|tiveram)\b|\btem (?:algum |um )?programa\b"
        r"|\bfree fire\b|\bfogo no parquinho\b"
        # (thirteenth sets) learning first aid "in case it happens", a school play
        r"|\bcaso (?:aconte[cs]a|ocorra|precise)\b|\baprender a\b|\bpeca (?:de teatro|da escola|escolar)\b|\bse (?:\w+ ){1,6}(?:me da|vou ter) (?:um )?(?:infarto|treco|ataque)\b"
        rf"|\b(?:{ANIMALS}) (?:\w+ ){{0,3}}(?:morreu|morto|morta|atropelad[oa])\b"
        # hearsay and the news, the 988 line as a subject, a program asked about
        r"|\be verdade\b|\bverdade\s*\?|\bboato\w*|\b(?:li|vi) no (?:facebook|face|insta|instagram|whats|whatsapp|grupo|jornal|noticiario)\b|\bdizem que\b|\bfilmando\b|\bgravando\b"
        r"|\b(?:sera|deve ser) (?:um |uma )?(?:golpe|fraude|trote)\b|\bo 988 (?:e|serve)\b|\b(?:ainda )?(?:tem|existe) (?:aquele|esse) programa\b"
    ),
    "permit": re.compile(
        r"\blicenca\b|\bporte\b|\btravas? (?:de|para) armas?\b|\bcadeados? (?:de|para) armas?\b|\bposso (?:legalmente )?(?:levar|ter|carregar|portar|comprar|trazer|transportar)\b|\bpaintball\b|\bairsoft\b|\b(?:troca|entrega|recompra) de armas\b|\bsem perguntas\b|\bcom (?:as )?minhas armas\b|\bdeixou um (?:revolver|arma|rifle)\b|(?<!sem )(?<!sem a )(?<!sem minha )\bpermissao\b|\bregistr(?:o|ar) (?:de |a |o |minha |meu )?(?:arma|pistola|alarme)\b|\bautorizacao\b"
        r"|\bvagas?\b|\bemprego\b|\btrabalhar\b|\bconcurso\b|\bbombeiros?\b|\bclube de tiro\b|\bestande de tiro\b|\btreino de tiro\b|\bestande\b"
        r"|\bcomprar\b|\bcertificado\b|\beligibilidade\b|\beligibility\b|\bguardar (?:as |a |minhas )?armas?\b|\bmilitar\b|\bexercito\b|\bforcas armadas\b"
        r"|\bde brinquedo\b|\bde agua\b|\bde pressao\b|\bfogos de artificio\b|\bvender\b|\bvenda\b"
        r"|\btransportar\b|\bdescarregad[oa]\b|\bentregar (?:a|o|uma|um|minha|meu) (?:arma|pistola|rifle|espingarda)\b|\bcaca\b|\bcacar\b"
        r"|\bregistr\w+|\benfeite\b|\bdecoracao\b|\bdecorativ\w+|\bcolecao\b|\b(?:pra|para) (?:limpar|cortar|podar)\b|\bdo quintal\b"
        r"|\bcortar (?:o )?(?:mato|grama)\b|\b(?:spray|gas) de pimenta\b"
        # (eleventh sets)
        r"|\be crime (?:andar com|levar|portar|ter|carregar)\b|\bpode (?:andar com|levar|portar|carregar)\b|\barma (?:legalizada|registrada|legal)\b"
    ),
    "negation": re.compile(
        r"\bnao ameaca ninguem\b|\b(?:ela|ele|minha \w+|meu \w+) (?:ja )?(?:esta|ta) bem\b|\bnao (?:e|eh) nada grave\b|\bnada grave\b|\bnao (?:e|eh) (?:uma )?emergencia\b|\bnao (?:e|eh) (?:nada )?urgente\b|\bninguem (?:se )?(?:ferido|machucou|ficou ferido|se feriu)\b|\bninguem se machucou\b"
        r"|\bsem feridos\b|\btodo mundo (?:esta|ficou) bem\b|\besta(?:o)? todo mundo bem\b|\btodos (?:estao|ficaram) bem\b|\bbatidinha\b|\bso (?:um )?(?:arranhao|amassado|amassadinho)\b"
        r"|\bnao (?:tem|ha) (?:nenhum )?perigo(?: nenhum)?\b"
        r"|\bnao (?:tem|teve|houve) feridos?\b|\bninguem (?:ferido|machucado)\b"
        # (eleventh sets)
        r"|\bnao (?:e|eh) agora\b|\bnao (?:esta|ta) acontecendo agora\b|\bnao (?:tem|ha|teve) (?:violencia|agressao)\b"
        # (thirteenth sets) keys locked in a car with no child inside
        r"|\bnao (?:tem|ha) (?:nenhuma )?(?:criancas?|ninguem|bebes?)(?: nem \w+)? (?:dentro|la dentro)\b"
    ),
    "gone": re.compile(
        r"\b(?:ja )?(?:foi|foram) embora\b|\bja (?:sairam|saiu|fugiram|fugiu)\b|\bnao (?:tem|tinha) (?:mais )?ninguem (?:la|em casa|dentro|no local|na casa)\b|\benquanto (?:a gente |nos )?(?:estava|estavamos) fora\b"
    ),
    "audience": AUDIENCE,
    "safe": SAFE,
    "resolved": RESOLVED,
}


LEXICON = Lexicon("pt", normalise, PATTERNS, CONTEXTS, PRESENT)
