"""Portuguese cues (Brazil and Portugal). "processo" is also a process and "queda" a fall in a chart: they count
only in the phrases that make them a threat or an outage."""

from __future__ import annotations

STOPWORDS = """os as de do da dos das um uma e em que nao por para com se seu sua meu minha nosso nossa no na nos
nas ao mas como ja muito este esta isso ha foi ser obrigado obrigada ola bom boa voce voces estou esta tenho
pelo pela ate vou tudo meu voces estamos tenho nosso ainda agora pedido
fazer preciso"""
NEGATORS = "nao nunca jamais ninguem nada nenhum nenhuma sem nem"
INTENSIFIERS = "tao tanto tal"
CONDITIONS = "se senao caso contrario"
BRIDGES = "quero queremos quer vou vamos vai penso o a os as um uma de do da me nos se e esta estou estamos tenho temos mais"
COMPLAINTS = "reclam denunc queix process report acion"
INTENTS = "vou vamos vai pretendo pretendemos considerando avaliando"
FUTURE_ENDINGS = "arei erei irei aremos eremos iremos"
DONE = "recebi recebemos recebido recebida publiquei postei deixei compartilhei registrei abri fiz"

_SYS = ("(site|sistema|servico|plataforma|aplicativo|app|loja|loja virtual|servidor|servidores|internet|conexao|linha|"
        "rede|api|portal|tudo|fibra|telefone|email)")
_BOSS = "(supervisor|supervisora|gerente|responsavel|superior|diretor|diretora|chefe|coordenador|coordenadora)"

CUES: dict[str, list[str]] = {
    "threat:legal": [
        "(acao|acoes|medidas|via|vias) (judicial|judiciais|legal|legais)",
        "(vou|vamos|irei|iremos) (processar|entrar na justica|acionar a justica|a justica)", "(processar|processarei|processaremos) (voces|a empresa|a sua empresa)",
        "(entrar|entrarei|entraremos) (com uma acao|com acao|na justica)", "notificacao extrajudicial",
    ],
    "threat:regulatory": ["(violacao|descumprimento) da lgpd"],
    "regulatory": [
        "(direito|direitos) (de acesso|a exclusao|ao esquecimento|do titular|de portabilidade)", "(nos termos|com base) da lgpd", "lgpd",
        "(exclusao|eliminacao|apagamento|acesso|copia|portabilidade|correcao) (de|dos|a|aos) (todos os )?(meus|nossos) dados( pessoais)?",
        "(nos termos|com base|conforme|de acordo com) (da|a) (lgpd|gdpr|rgpd)",
    ],
    "threat:media": [
        "(expor|expondo|exporei|vou expor|publicar|publicarei|postar|postarei|divulgar|divulgarei|contar|contarei|denunciar|denunciarei) .. (nas |no |na )?(redes sociais|redes|instagram|twitter|x|facebook|tiktok|youtube|google|internet)",
         "(avaliacao|avaliacoes|comentario) (negativa|negativas|negativo) (no|na|em)",
    ],
    "threat:churn": [
        "(vou|vamos|irei|iremos) (mudar|trocar|migrar|passar) (para|de) (a concorrencia|outro (fornecedor|provedor|operadora|banco)|outra (empresa|operadora|plataforma)|fornecedor|operadora)",
        "(para|pela) (a )?concorrencia",
    ],
    "churn": [
        "(cancelar|cancelamento|cancelo) (da |do |de )?(minha|meu|a|o|nossa|nosso)? (assinatura|conta|plano|contrato|servico|linha)",
        "(nao|nao vou|nao vamos) (renovar|renovaremos)", "(encerrar|encerramento) (da |de )?(minha|a|nossa)? conta", "rescindir (o )?contrato", "rescisao",
    ],
    "not:churn": ["(ja )?(cancelei|cancelamos|foi cancelado|foi cancelada)"],
    "threat:billing": ["chargeback", "(contestar|contestarei|vou contestar) .. (no|com o|junto ao) (banco|cartao)", "estorno (no|pelo) cartao"],
    "pressure": ["(nossa|a) renovacao (e|sera|vence|esta)", "(o|nosso) contrato (vence|termina|acaba)"],
    "threat": ["(a )?policia", "(ultimo|ultima) (aviso|chance)", "boletim de ocorrencia"],
    "outage": [
        "(nenhum|nenhuma|ninguem) .. (consegue|conseguem|pode|podem|abre|carrega) (mais )?(acessar|entrar|logar|trabalhar|abrir|usar|vender)?",
        "(nao abre|nao carrega|nao funciona|nao entra|fora do ar) (para|pra) (nenhum|nenhuma|ninguem|todos|todas)",
        "(erro|erros|codigo) (500|502|503|504) .. (em|para|nas|nos) (todas|todos|cada|qualquer)",
        "(em|nas|para) (todas as|cada) (paginas?|requisicoes|chamadas|telas) .. (erro|erros|500|502|503|504|falha|falham|timeout)",
        "(nada|nenhuma pagina|nenhum sistema) (funciona|carrega|abre|responde)",
        "(todos|todas) (os|as|nossos|nossas) .. (usuarios|funcionarios|atendentes|lojas|filiais|clientes) .. (sem acesso|sem sistema|bloqueados|parados|sem conseguir)",
        "fora do ar", f"{_SYS} .. (caiu|caido|caida|esta fora|indisponivel|inacessivel|nao abre|nao carrega|nao funciona|offline|down|parado|parada)",
        "sem (internet|sinal|conexao|servico|acesso|linha|rede)", "(ninguem|nenhum usuario|nenhum cliente|nenhum funcionario) (consegue|pode|conseguiu) (acessar|entrar|logar|fazer login|trabalhar|comprar)",
        "queda (do|de|da|no|na) (servico|sistema|sinal|internet|conexao|rede|servidor|site)", "interrupcao (do|de) servico",
        "(os|nossos) clientes nao (conseguem|podem) (comprar|pagar|acessar|entrar)",
        "(nenhum|ninguem) (dos )?(funcionarios|usuarios|clientes) (consegue|conseguem|pode|podem) (acessar|entrar|trabalhar)",
        "sem (fibra|telefone|tv|sinal de internet) (desde|ha)",
    ],
    "security": [
        "(senha|e mail|email|telefone|conta|dados bancarios|chave pix) (foi|foram) (trocada|trocado|trocados|alterada|alterado|alterados|mudada|mudado|redefinida|redefinido) (sem|e nao fui|sem que eu)",
        "(acessos|acesso|logins?|entradas|tentativas de acesso|conexoes) (suspeitos|suspeito|suspeitas|estranhos|estranhas|desconhecidos|desconhecidas|nao autorizados|nao autorizadas|indevidos)",
        "(alteraram|alterou|mudaram|mudou|trocaram|trocou) (a|minha|nossa|o|meu) (senha|email|e mail|telefone|conta bancaria|dados bancarios) (sem|e nao fui|que eu nao)",
        "(chave|chaves|token|tokens|credenciais|senhas|api key) .. (exposta|expostas|exposto|expostos|vazada|vazadas|vazado|publicada|publicadas|visivel|visiveis)",
        "(atacante|atacantes|invasor|invasores|ataque hacker|ciberataque|ransomware|malware)",
        "(burlaram|burlou|contornaram|contornou|burlar|contornar) (a |o )?(autenticacao|verificacao em duas etapas|dois fatores|2fa|mfa)",
        "(hackeado|hackeada|hackearam|hacker|hackers|invadido|invadida|invadiram|clonado|clonada|clonaram)", "(conta|contas|cartao) (invadida|hackeada|comprometida|clonado|clonada|roubada)",
        "acesso (nao autorizado|indevido|suspeito)", "(fraude|fraudulento|fraudulenta|golpe|golpista|golpistas|vazamento|vazamento de dados|dados vazados|vazaram|phishing|roubo de (dados|identidade|conta)|vulnerabilidade)",
        "(compras|pedidos|transacoes|cobrancas|transferencias) que (eu )?nao (fiz|reconheco|autorizei|realizei)",
        "nao reconheco (essas|estas|esses|estes|as|os) (compras|cobrancas|transacoes|pedidos|acessos)", "alguem (entrou|acessou|usou)",
        "(dados|pedidos|faturas|contas) (de outros|de outra|de outro) (clientes|cliente|empresa|empresas|usuarios)",
        "(email|e mail|mensagem|sms|link) (suspeito|suspeita|falso|falsa|estranho|estranha)",
    ],
    "billing": [
        "(cobranca|cobrancas|cobrado|cobrada|cobraram|cobrar|cobrando|fatura|faturas|nota fiscal|notas fiscais|reembolso|reembolsar|estorno|estornar|boleto|debito indevido|valor indevido|valores indevidos|mensalidade|tarifa)",
    ],
    "not:billing": [
        "(reembolsos|faturas|pagamentos|cobrancas) (dos|de) (nossos|meus) clientes", "relatorio de (reembolsos|faturas|pagamentos)",
        "(notas fiscais|notas|faturas|boletos|cobrancas|nf e) (que )?(emitimos|emito|geramos|gero|enviamos|envio|fazemos)",
        "(notas|faturas|boletos) .. (para|aos|dos) (nossos|meus) clientes",
    ],
    "anger": [
        "(falta de respeito|desrespeito total|total desrespeito|falta de consideracao)",
        "(parabens|obrigado|obrigada) (pelo|pela|pelos|pelas) (pessimo|pessima|descaso|desrespeito|nada|falta|horrivel|vergonhoso|vergonhosa)",
        "(me sinto|nos sentimos|sentimo nos|sinto me) (enganado|enganada|enganados|lesado|lesada|lesados|roubado|roubada|desrespeitado|desrespeitada|humilhado|humilhada)",
        "(vergonha|vergonhoso|absurdo|absurda|ridiculo|ridicula|inaceitavel|inadmissivel|um lixo|lixo|pessimo|pessima|horrivel|palhacada|descaso|desrespeito|incompetente|incompetentes|incompetencia|ladroes|revoltado|revoltada|indignado|indignada|furioso|furiosa|uma piada|sem vergonha|safados|enganacao)",
        "(o|a) pior (servico|atendimento|empresa|experiencia)", "(os|as) piores",
    ],
    "frustration": [
        "ate quando",
        "(quanto|quantos) (tempo|dias|semanas|meses) (mais|ainda) .. (esperar|aguardar|aguentar)",
        "(ja estou|estou|estamos|ja estamos) (cansado|cansada|cansados|farto|farta|fartos|de saco cheio) (disso|disto|de|com)",
        "(nao e|nao foi) a primeira vez",
        "(ainda|ate agora) (nao|nada|sem|nenhum|nenhuma|ninguem)", "ainda sem", "de novo", "outra vez", "(pela )?(segunda|terceira|quarta|enesima) vez",
        "ninguem (resolve|responde|atende|retorna|ajuda|liga)", "(sem|nenhuma|nenhum) (resposta|solucao|retorno)",
        "(estou|estamos) (cansado|cansada|cansados|farto|farta|fartos|irritado|irritada|perdendo a paciencia|desesperado|desesperada)",
        "(parado|parada|esperando|aguardando|espero|aguardo) (ha|faz|por) (mais de )?(#|uma|um|dois|duas|tres|quatro|cinco|seis|dez|quinze|vinte|varios|varias|muitos|muitas) (dias|semanas|meses|horas|semana|mes)",
        "(me|nos) (deem|de|deem|deem) (um )?(retorno|resposta)", "(irritante|frustrante|cansativo|desgastante)",
        "(preciso|precisamos) de (uma|um) (posicao|retorno|resposta|solucao) (hoje|urgente|ja|agora|o quanto antes)",
        "ate agora nada",
        "(ninguem|nenhum) (me |nos )?(deu|da) (retorno|resposta)",
        "(continuo|continuamos|sigo) (sem|esperando|aguardando)",
    ],
    "calm": ["(sem pressa|nao e urgente|nada urgente|quando puderem)"],
    "manager": [f"(falar|conversar|contato) com (um|uma|o|a|seu|sua) {_BOSS}", f"(quero|gostaria de|exijo) (falar com )?(um|uma|o|a|seu|sua) {_BOSS}"],
    "repeat": [
        "(segundo|terceiro|quarto|quinto|enesimo) (chamado|protocolo|e mail|email|contato|ticket|pedido de ajuda)",
        "(segunda|terceira|quarta|quinta|enesima) (reclamacao|mensagem|ligacao|solicitacao|tentativa)",
        "(me|nos) (prometeram|prometeu|prometido|garantiram|garantiu|disseram que|disse que|informaram que)",
        "(o|a|os|as) (retorno|resposta|ligacao|reembolso|estorno|visita|tecnico|solucao|troca|contato) (prometido|prometida|prometidos|prometidas|combinado|combinada)",
        "(ja )?(abri|abrimos|registrei|registramos) (dois|duas|tres|varios|varias|#|um|uma|outro|outra) (chamados?|protocolos?|reclamacoes|reclamacao|tickets?|solicitacoes|solicitacao)",
        "(entro|entramos|estou entrando|estamos entrando) em contato (novamente|de novo|outra vez|mais uma vez|pela (segunda|terceira|quarta|enesima) vez)",
        "(ja )?(enviei|mandei|enviamos|mandamos) (varios|varias|dois|duas|tres|quatro|muitos|muitas|#) (e mails|emails|mensagens|reclamacoes|cartas)",
        "(mais uma vez|novamente|de novo|outra vez) (venho|estou|escrevo|entro|ligo|reclamo)",
        "(ja )?(abri|liguei|enviei|mandei|escrevi|entrei em contato|reclamei|registrei|falei com)", "(dois|duas|tres|varios|varias|#) (chamados|protocolos|e mails|emails|ligacoes|mensagens|reclamacoes)",
        "(e a|pela) (segunda|terceira|quarta|enesima) vez que", "(protocolo|chamado|ticket) (n|numero)? #",
        "como (ja )?(falei|disse|expliquei|informei|mencionei|escrevi|relatei|avisei)",
        "ja (falei|liguei|entrei em contato|abri|mandei|enviei|reclamei|escrevi|avisei)",
    ],
    "lawyer": [
        "(meu|nosso|um|meus) (advogado|advogada|advogados)",
        "(justica|tribunal|juizado|juizado especial|pequenas causas)",
    ],
    "press": [
        "(imprensa|jornalista|jornalistas|reportagem)",
    ],
    "not:regulatory": [
        "(lgpd|gdpr|rgpd) (compliance|conformidade|adequacao)",
        "(adequacao|conformidade) (a|com a) (lgpd|gdpr|rgpd)",
    ],
    "sarcasm": [
        "(voces|voce) (conseguiram|conseguiu) (perder|quebrar|bloquear|cobrar|apagar)",
        "(parabens|bravo|muito bem|otimo trabalho|belo trabalho|que maravilha|que beleza|nota dez|excelente trabalho)",
    ],
    "not:legal": [
        "(nosso|meu|o|nossa|a) (advogado|advogada|advogados|juridico|departamento juridico|setor juridico|equipe juridica|assessoria juridica) (nos |me )?(pediu|pede|solicitou|solicita|precisa|quer|gostaria) .. (copia|contrato|condicoes|termos|documento|documentos|lista|clausula|clausulas|acesso|assinatura|dpa|politica)",
        "(sou|somos) (advogado|advogada|advogados|um escritorio de advocacia)",
    ],
}

# The fourth version: families of phrasing found missing by fresh practice messages (see docs/reading.md).
_FOURTH: dict[str, list[str]] = {
    "anger": [
        "(falta|faltas) de (respeito|consideracao|profissionalismo|vergonha)", "(descaso|palhacada|pouca vergonha|sem vergonha|safados|ladroes|golpistas|incompetentes|inuteis|ridiculo|ridicula|lamentavel|revoltante|revoltado|revoltada|indignado|indignada|furioso|furiosa|absurdo|absurda|um lixo|uma porcaria|pessimo|pessima|horrivel|vergonhoso|vergonhosa)",
        "(estao|estão|voces estao) (me )?(fazendo de (bobo|boba|palhaco|idiota)|de brincadeira|brincando com)",
    ],
    "frustration": [
        "(faz|ha|fazem|já faz|ja faz) (#|uma|um|duas|dois|tres|quatro|cinco|varias|varios|muitas|muitos) (semanas|semana|dias|meses|mes|horas) (que|esperando|sem)",
        "(cansado|cansada|cansados|farto|farta|fartos|desesperado|desesperada|frustrado|frustrada|frustrante|decepcionado|decepcionada|estressado|estressada)",
        "(ninguem|ninguém) (resolve|responde|ajuda|me responde|me ajuda|sabe|retorna)", "ate quando", "(de novo|outra vez|mais uma vez|novamente)",
        "(nenhuma|sem) (resposta|solucao|retorno|previsao)",
    ],
    "threat:legal": [
        "(processar|processarei|processaremos|vou processar|vamos processar) (voces|a empresa|essa empresa|esta empresa|a loja|o banco|a operadora)",
        "(entrar|entrarei|entraremos|vou entrar|vamos entrar|recorrer|recorrerei|acionar|acionarei) (na|a|com uma acao na) justica", "(acao|processo) (judicial|na justica|contra voces|contra a empresa)",
        "(meu|nosso) (advogado|advogada|advogados) (vai|vão|irá|ira|entrara|entrará|já esta|ja esta|esta)",
    ],
    "threat:media": [
        "(postar|vou postar|publicar|vou publicar|expor|vou expor|divulgar|vou divulgar|contar|vou contar|espalhar) .. (redes sociais|internet|instagram|facebook|twitter|tiktok|youtube|reclame aqui|todo mundo)",
        "(reclamacao|reclamar|vou reclamar) (no|em|pelo) (reclame aqui|reclameaqui|consumidor gov|consumidor.gov)",
    ],
    "threat:regulatory": [
        "(denunciar|vou denunciar|denunciarei|reclamar|vou reclamar|reclamacao|queixa|abrir (uma )?reclamacao|acionar|vou acionar) .. (procon|anatel|anpd|bacen|banco central|senacon|idec|aneel|ans|anac)",
    ],
    "regulator": ["(aneel|anac|banco central)"],
    "threat:churn": [
        "(vou|vamos|iremos) (cancelar|sair|embora|mudar|trocar) .. (concorrencia|outra (operadora|empresa)|outro (banco|provedor))", "(para a|pra) concorrencia",
    ],
    "security": [
        "(invadiu|invadiram|invadida|invadido|hackearam|hackeada|hackeado|clonaram|clonado|clonada|golpe|fraude|phishing|vazamento|vazaram|vazados)",
        "(compras|pedidos|cobrancas|transacoes|pagamentos) .. (que )?(eu )?(nao|não) (fiz|reconheco|autorizei|realizei)",
        "(alguem|alguém) (entrou|acessou|invadiu|usou|mexeu) (na|no|em) (minha|meu)",
    ],
    "outage": [
        "(ninguem|ninguém|nenhum (funcionario|usuario|cliente)) (consegue|conseguiu|pode) (acessar|entrar|logar|trabalhar|comprar|conectar)",
        "(site|sistema|internet|servidor|plataforma|aplicativo|app|linha) .. (fora do ar|caiu|caído|caido|parado|inacessivel|indisponivel)",
    ],
}
_FOURTH.setdefault('security', []).extend([
    'que (eu )?(nao|não) (fiz|realizei|autorizei|reconheco|reconheço)',
])
_FOURTH.setdefault('churn', []).extend([
    '(mudar|mudo|vou mudar|trocar|troco|vou trocar|vamos mudar|vamos trocar) de (operadora|banco|empresa|provedor|plano|fornecedor)',
])
_FOURTH.setdefault('repeat', []).extend([
    '(meu|minha|nosso|nossa) (ultimo|ultima|anterior) (e mail|email|mensagem|contato|chamado|protocolo|reclamacao)',
])
_FOURTH.setdefault('frustration', []).extend([
    '(esperando|aguardando|espero|aguardo) (ha|há|faz|desde ha) (dias|semanas|meses|horas|#|uma|um|duas|dois|tres)',
    '(estou|estamos) (esperando|aguardando) (ha|há|faz) (dias|semanas|meses)',
])
_FOURTH.setdefault('outage', []).extend([
    '(estamos|estou|ficamos|fiquei) sem (sistema|internet|linha|sinal|conexao|servico|rede|telefone|luz) (desde|ha|há|faz|o dia|no escritorio|em casa)',
])
for _category, _cues in _FOURTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# The fifth version: the kinds the sealed set of the fourth found missing (docs/reading.md).
CONTACTS = "escrev escrit mail liguei ligamos pergunt reclam contat pedi solicit abri"
SEQUELS = "depois depois_disso apos_isso passado_esse_prazo a_partir_dai"
_FIFTH: dict[str, list[str]] = {
    "threat": [
        "(voces|vcs|voce) (vao|vai) ouvir falar de (mim|nos)",
        "(isso|isto|a coisa|o caso) nao vai ficar (assim|barato)",
    ],
    "threat:media": [
        "(conheco|conhecemos|tenho amigos|tenho contatos|temos contatos) (gente |pessoas |alguem |jornalistas )?(na|no|em|da|do) (imprensa|jornal|televisao|tv|globo|radio|redacao|record|sbt)",
    ],
    "outage": [
        "(pagina|paginas|site|app|aplicativo|sistema|plataforma|loja|tudo) .. (fica|ficam|continua|continuam) (so )?carregando",
        "carregando (sem parar|infinitamente|eternamente|para sempre|sem fim)",
    ],
    "security": [
        "(senha|codigo|sms|e mail|email|link|mensagem|alerta|redefinicao) ... (que )?(eu |nos )?(nao|nunca) (pedi|solicitei|pedimos|solicitamos|requisitei)",
    ],
    "frustration": ["quantas vezes (mais|vou|vamos|tenho|temos|preciso|precisamos|sera que)"],
    "churn": [
        "(vamos ter que|vamos ter de|teremos que|teremos de|vou ter que|vou ter de|terei que|seremos obrigados a|serei obrigado a|serei obrigada a) (procurar|buscar|avaliar|considerar|olhar|ver) (outras|outro|outra|alternativas|a concorrencia)",
        "nao (renovem|renove|vamos renovar|queremos renovar|quero renovar|pretendemos renovar|vou renovar)",
    ],
    "nth": ["(a|pela) (segunda|terceira|quarta|quinta|sexta|enesima) vez"],
}
for _category, _cues in _FIFTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Sixth version: families told by a subject and an effect anywhere in one sentence (pairs, see lexicon/__init__).
_MANY = ("(usuarios?|clientes?|funcionarios?|colaboradores?|agentes?|atendentes|chamadas|ligacoes|lojas|filiais|"
         "terminais|caixas|dispositivos|pacientes|pagamentos|pedidos|operadores|enfermeiros|enfermeiras|medicos|"
         "motoristas|tecnicos|vendedores|alunos|estudantes|consultores)")
_SIXTH: dict[str, list[str]] = {
    "press": ["(youtuber|influenciador|influenciadora|criador de conteudo|criadora de conteudo|reporter)", "(redator|redatora) (de|do|da|no|na)"],
    "lawyer": [
        "(nosso|nossa|meu|minha|seu|sua|o|a|os) (advogado|advogada|advogados)",
        "(intimacao|citacao|notificacao judicial)", "(processo|acao|ordem|decisao|mandado|determinacao) judicial",
    ],
    "pair:outage:1a": [
        f"(nenhum|nenhuma|todos|todas|cada) .. {_MANY}",
        "(ninguem|toda a equipe|toda a equipa|todo o escritorio|toda a empresa|todo mundo|toda a gente)",
    ],
    "pair:outage:1b": [
        "(nao|nem) (consegue|conseguem|conseguimos|pode|podem|podemos) .. "
        "(entrar|acessar|aceder|conectar|logar|fazer login|iniciar sessao|pagar|ligar|sincronizar|comprar)",
        "erro (502|503|504)", "(retorna|retornam|devolve|devolvem|da|dao|mostra|mostram) .. (502|503|504|service unavailable)",
        "(da|dao) (ocupado|sinal de ocupado)",
    ],
    "outage": [
        "(dias|horas|semanas|estou|estamos|continuo|continuamos|seguimos|ainda) .. sem (internet|conexao|linha|telefone|sinal|rede|servico)",
        "(linha|telefone|telefone fixo|fixo) .. (muda|mudo|morta|morto)",
    ],
}
for _category, _cues in _SIXTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Seventh version: security as the customer tells it (a stranger and an act on the account, data seen by another
# customer, codes never asked for, fraud on a charge) and regulators by their titles.
_ESTRANHO = ("(alguem|um desconhecido|uma desconhecida|desconhecidos|um estranho|uma estranha|terceiros|um terceiro|"
             "um hacker|hackers|um golpista|golpistas|um fraudador)")
_MEUS = ("(meus|minhas|meu|minha|nossos|nossas|nosso|nossa) (faturas?|dados|documentos|pedidos|endereco|holerites?|"
         "extratos?|contrato|cpf|rg|informacoes pessoais|dados bancarios|iban|nif)")
_SEVENTH: dict[str, list[str]] = {
    "pair:security:1a": [_ESTRANHO],
    "pair:security:1b": [
        "(entrou|entrado|acessou|acessado|logou|logado|conectou) (na|no|em) (minha|meu|nossa|nosso) (conta|perfil|email|e mail|caixa)",
        "(trocou|trocado|alterou|alterado|mudou|mudado|redefiniu|redefinido|apagou|desativou) .. (senha|email|e mail|telefone|numero|dados bancarios|iban|endereco de entrega|autenticacao)",
        "(fez|feito|realizou|realizado|comprou|comprado|pediu|pedido|transferiu|sacou) .. (com|na|no|em|pela|pelo) (minha|meu|nossa|nosso) (conta|cartao|perfil|nome)",
        "(em|no) (meu|nosso) nome", "(se passando|se passou|se fazendo passar|fingindo ser) (por )?(mim|nos|eu)",
        "(esvaziou|esvaziaram|zerou|zeraram|limparam) (a )?(minha|meu|nossa|nosso) (conta|carteira|saldo)",
    ],
    "pair:security:2a": ["(outro cliente|outra cliente|outros clientes|outro usuario|outro utilizador|outra pessoa|um desconhecido|uma desconhecida|um estranho|uma estranha|destinatario errado|pessoa errada)"],
    "pair:security:2b": [
        f"(ve|via|viu|recebe|recebia|recebeu|pode ver|podia ver|tem acesso a|teve acesso a|consegue ver) (todas |todos )?(as |os )?{_MEUS}",
        f"{_MEUS} .. (enviados?|enviadas?|mandados?|mandadas?) (para|a|ao)",
        "(recebi|recebemos) (a|as|uma|os|um) (fatura|faturas|dados|documentos|pedido|extrato|holerite|contrato|boleto)",
        "(fatura|faturas|dados|documentos|pedidos|boleto|boletos) de (outro|outra|outros) (cliente|clientes|usuario|utilizador|pessoa)",
    ],
    "pair:security:3a": ["(codigo|codigos|sms|link|links|email|emails|e mail|mensagem|mensagens) (de )?(verificacao|confirmacao|seguranca|acesso|redefinicao|recuperacao)",
                         "(redefinicao|redefinir|recuperacao) (de |da )?senha"],
    "pair:security:3b": ["(que )?(eu )?(nao|nunca) (pedi|solicitei|pedimos|solicitamos|fiz|tinha pedido|tinha solicitado)", "sem (eu )?ter (pedido|solicitado)"],
    "security": [
        "(cobranca|cobrancas|compra|compras|pagamento|pagamentos|transacao|transacoes|transferencia|transferencias|saque|saques|debito|debitos) (fraudulenta|fraudulentas|fraudulento|fraudulentos)",
        "(fraude|golpe) (no|na|com o|com a) (meu|minha|nosso|nossa) (cartao|conta)",
    ],
    "not:security": [
        f"(se|quando|como|pode|poderia|podem|para que) {_ESTRANHO}",
        "alguem (da|do) (vossa|sua|seu|vosso|equipe|equipa|suporte|atendimento)",
    ],
    "regulator": [
        "(autoridade nacional de protecao de dados|anpd|agencia nacional de telecomunicacoes|anatel|procon|senacon|consumidor gov|idec|"
        "banco de portugal|deco proteste|comissao nacional de protecao de dados|cnpd|entidade reguladora dos servicos energeticos|erse|anacom|asae|cmvm|"
        "autoridade de supervisao de seguros|provedor de justica|provedor do cliente|ouvidoria|livro de reclamacoes|centro de arbitragem)",
    ],
    # Bodies of redress (ombudsmen, consumer offices and associations, mediators): named about the customer's own
    # case, the regulatory matter by themselves; a threat when announced, under a condition or lodged as a complaint.
    "redress": [
        "(defesa do consumidor|codigo de defesa do consumidor|orgao de defesa|orgaos de defesa)",
    ],
    "regulatory": [
        "(artigo|art) # (da |do )?(lgpd|rgpd|gdpr)",
        "(direito|direitos) (ao apagamento|a eliminacao|ao acesso|a retificacao|de oposicao|de retificacao)",
        "(pedido|solicitacao|requisicao) de (acesso|exclusao|eliminacao|apagamento|portabilidade) .. dados",
    ],
}
for _category, _cues in _SEVENTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Tenth version: security, media, outage and legal matters told in everyday words, with the counter-cues of their
# lures (docs/reading.md); written on the misses of practice sets E-G and training sets A-E, never on H or J.
_EIGHTH: dict[str, list[str]] = {
    "legal": [
        "(na qualidade de|sou o|sou a) (advogado|advogada|mandatario|mandataria) (da|do|de)",
        "(junto procuracao|segue procuracao|em anexo a procuracao)",
    ],
    # The product asked about working offline: "Does the app work without internet on a plane?"
    "not:outage": [
        "(funciona|funcionam|funcionar|funcione|usar|da para usar|da pra usar|grava|sincroniza|disponivel) .. sem (internet|rede|conexao|sinal|wifi|dados)",
    ],
    "outage": [
        "(apagao|apagoes)",
        "nenhuma (maquininha|maquina|maquina de cartao|maquininha de cartao) (funcionou|funciona|funcionava)",
        "(sem|nao tenho|estou sem|estamos sem|ficamos sem|fiquei sem) (internet|luz|energia|agua|telefone|sinal|rede) (desde|ha|faz|o dia|a noite|todo|toda)",
    ],
    "media": [
        "(reclamei|ja reclamei|vi|publiquei|postei|reclamacao|reclamacoes) (no|na|pelo) (reclame aqui|reclameaqui)",
        "(a|vossa|sua) assessoria de imprensa",
    ],
    "security": [
        "(nao fui eu|nao fomos nos|nao era eu)",
        "(alguem|alguém) (acedeu|acessou|entrou|invadiu) (a|na|em) (minha|nossa) conta",
        "(aviso|avisos|notificacao|notificacoes|alerta|alertas) de (acesso|acessos|login|entrada) .. (a partir|desde|vindo)",
        "(a dizer|dizendo|dizia|disse|disseram|a dizerem) que (era|eram) do (banco|vosso banco|seu banco|suporte)",
        "(vejo|vemos|aparecem|aparece) .. (de outros|de outras|de outro|de outra) (clientes|cliente|pacientes|paciente|usuarios|utilizadores|empresas|empresa)",
        "(notas|notas fiscais|dados|pedidos|faturas|contas|documentos) de outros (clientes|usuarios|utilizadores|pacientes)",
    ],
}
for _category, _cues in _EIGHTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Décima primeira versão: fraude de terceiros no cartão do cliente, quedas ditas pela duração, avaliações e posts
# anunciados, e as contrapistas das suas iscas (docs/reading.md).
_NINTH: dict[str, list[str]] = {
    "security": [
        "(compras|cobrancas|transacoes|movimentos|pagamentos|saques|debitos) (estranh[ao]s|desconhecid[ao]s|suspeit[ao]s|que nao reconheco|que nao fiz|que eu nao fiz) (no|na|do|da|em) (meu|minha|nosso|nossa)",
    ],
    "not:security": [
        "(simulacao|exercicio|campanha|teste|treinamento|treino) (de )?(phishing|conscientizacao)",
    ],
    "outage": [
        "(dias|semanas|horas|meses) (sem (luz|energia|internet|linha|telefone|agua|gas|conexao|rede|sinal|servico)|com quedas)",
        "(nenhuma|nenhum) (das|dos|das nossas|dos nossos) (caixas|lojas|terminais|maquininhas|filiais|funcionarios|usuarios|computadores) .. (consegue|conseguem|pode|podem) (entrar|acessar|conectar|se conectar|cobrar|fazer login)",
    ],
    "not:outage": [
        "(indisponivel|fora do ar|erro|nao funciona) .. mas (todo o resto|o resto do site|o resto do app|as outras paginas) (funciona|carrega|esta ok)",
    ],
    "threat:media": [
        "(vou|irei) (contar|publicar|postar|escrever|colocar) (tudo )?(no|na|nas|em) (reclame aqui|google|facebook|instagram|tiktok|twitter|redes sociais|internet|youtube)",
    ],
    "not:media": [
        "(campanha|campanhas|posts|publicacoes|estrategia|presenca|perfil) (nas|para as|nas nossas) redes sociais",
    ],
}
for _category, _cues in _NINTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Décima segunda versão: sem luz, água ou internet desde um momento ou há um tempo, sem funcionar; pontos usados por
# outra pessoa (docs/reading.md).
_TENTH: dict[str, list[str]] = {
    "outage": [
        "(sem|nao tem|nao temos|falta|faltou|continua sem|continuamos sem) (luz|energia|eletricidade|agua|gas|internet|linha|telefone|fibra) (desde|ha|faz|durante|no predio|na rua|em todo|em toda)",
        "(internet|linha|telefone|sinal|app|aplicativo|sistema|site|maquininha) (esta |estao |ficou |ficaram |continua )?sem funcionar",
        "(ficaram|ficamos|ficou|fiquei|estamos|estou) (horas |dias )?sem conseguir (acessar|entrar|usar|logar|conectar)",
    ],
    "security": [
        "(pontos|milhas|creditos|saldo) (foram |foi )?(usados|usado|resgatados|resgatado|gastos|gasto|transferidos) (por outra pessoa|por alguem|por terceiros|sem (meu|minha|nosso|nossa) (conhecimento|autorizacao|permissao))",
    ],
}
for _category, _cues in _TENTH.items():
    CUES.setdefault(_category, []).extend(_cues)
