"""Spanish cues. "demanda" is also demand (traffic, orders), "caída" a drop in a chart, "cancelar" an order, a
payment or an appointment: each counts only in the phrases that make it a threat, an outage or a churn."""

from __future__ import annotations

STOPWORDS = """el la los las de del un una y es en que no por para con se su sus mi me
mis nuestro nuestra lo le les al pero como ya muy este esta esto hay han ha he sido gracias
hola buenos buenas dias estoy somos sois vuestro vuestra podeis usted ustedes nos desde tengo tenemos quiero necesito puede pueden cuando donde todavia aun ahora hace llevo pedido hoy ayer tambien porque estan siempre voy"""
NEGATORS = "no nunca jamas nadie nada ningun ninguna ninguno sin ni tampoco"
INTENSIFIERS = "tan tanto tal"
CONDITIONS = "si sino caso contrario"
BRIDGES = "quiero queremos quiere voy vamos va pienso pensamos a el la los las un una de del me nos lo le se es esta estoy estamos he hemos ha mas"
COMPLAINTS = "denunc reclam queja quej report acud"
INTENTS = "voy vamos pienso pensamos planteando plantearemos dispuesto dispuestos"
FUTURE_ENDINGS = "aremos eremos iremos"
DONE = "recibido recibimos recibi publique publicado deje dejado comparti compartido subi subido presentado presentada interpuesto interpuse acudi"

_SYS = ("(web|pagina|pagina web|sitio|sitio web|tienda|tienda online|plataforma|sistema|servidor|servidores|servicio|"
        "app|aplicacion|api|portal|internet|conexion|linea|fibra|red|telefono|todo|backend|correo|router|tpv|datafono|"
        "centralita|movil|television|tv|nube|servicio online)")
_BOSS = "(superior|responsable|supervisor|supervisora|encargado|encargada|gerente|jefe|jefa|director|directora)"

CUES: dict[str, list[str]] = {
    "threat:legal": [
        "(demandarles|demandaros|demandarlos|denunciarles|denunciaros|denunciarlos|llevarles a juicio|llevaros a juicio|llevarlos a juicio)",
        "(valorando|considerando|estudiando|pensando en|planteandome|plantearme|planteando) (demandar|denunciar|acciones legales|ir a juicio|ir a los tribunales)",
        "(acciones|accion|medidas|via|vias) (legales|legal|judiciales|judicial)",
        "(les|os|lo|la) (demandare|demandaremos|denunciare|denunciaremos|llevare a juicio)", "(voy|vamos) a (demandar|denunciar|ir a juicio)",
        "(demanda|denuncia) (judicial|formal|contra|ante)", "(enviare|enviaremos|mandare|mandaremos|recibiran|recibira|les llegara) un burofax",
    ],
    "legal": ["incumplimiento (de|del) contrato"],
    "threat:regulatory": [
        "(hoja|hojas|libro) de reclamaciones", "(violacion|incumplimiento) del (rgpd|gdpr|lopd)",
    ],
    "regulatory": [
        "derecho (de|al) (acceso|supresion|rectificacion|olvido|portabilidad|oposicion)", "(articulo|art) # del (rgpd|gdpr)",
        "(supresion|eliminacion|borrado|acceso a|copia de|portabilidad de|rectificacion de|cancelacion de) (de )?(todos )?(mis|nuestros) datos( personales)?",
        "(segun|conforme a|de acuerdo con|en virtud del|al amparo del|en base al) (el )?(rgpd|gdpr|lopd|lopdgdd)",
        "derechos arco",
    ],
    "threat:media": [
        "(contar|contare|publicar|publicare|compartir|compartire|subir|subire) .. (en|por) (todas )?(mis|las|todas las) redes",
        "(publicar|publicare|publicaremos|publico|publicamos|contar|contare|cuento|difundir|difundire|difundo|exponer|expondre|expongo|compartir|compartire|comparto|escribir|escribire|escribo|denunciar|denunciare|denuncio|subir|subire|subo) .. (en )?(las )?(redes|redes sociales|twitter|x|facebook|instagram|tiktok|youtube|google|internet|foros)",
         "(resena|resenas|opinion|opiniones|valoracion|valoraciones) (negativa|negativas|publica|publicas|en google|en trustpilot)",
    ],
    "threat:churn": [
        "(me voy|nos vamos|iremos|me ire|migramos|migraremos|migrare|nos cambiamos|cambiaremos|me cambio|me cambiare|nos pasamos|nos pasaremos|me paso) (todo )?(a|con) (la competencia|otro (proveedor|operador|banco)|otra (compania|empresa|plataforma))",
        "(a|con) la competencia", "(migramos|migraremos|nos llevamos) (todo|nuestro negocio)", "estais avisados", "estan avisados",
    ],
    "churn": [
        "(dar|darme|darnos|darse|solicitar|solicito|tramitar|pedir|quiero|quisiera) (de )?(la )?baja", "baja (del|de mi|de la|de nuestro) (servicio|plan|contrato|cuenta|suscripcion)",
        "(cancelar|cancelacion|anular|anulacion) (de )?(mi|nuestra|la|el|nuestro) (suscripcion|cuenta|membresia|contrato|plan|servicio)",
        "(rescindir|rescision) (del|el) contrato", "no (renovar|renovaremos|renovare|vamos a renovar)", "(cerrar|eliminar) (mi|nuestra) cuenta",
        "(cambiarme|cambiarnos|irme|irnos) (a|con) otr(o|a)",
        "(me|nos) (doy|damos|dare|daremos|voy a dar|vamos a dar|daria|dariamos) de baja",
        "(darme|darnos|dar) de baja",
    ],
    "not:churn": ["(ya )?(cancele|di de baja|me di de baja|he cancelado|hemos cancelado)"],
    "threat:billing": ["(contracargo|retrocargo)", "(anular|rechazar|reclamar|disputar|devolver) .. (con|en|a traves de|al) (mi|el|nuestro) banco"],
    "pressure": ["(nuestra|la) renovacion (es|sera|vence|esta)", "(el|nuestro) contrato (vence|termina|acaba)"],
    "threat": ["(la )?(policia|guardia civil)", "(ultimo|ultima) (aviso|advertencia|oportunidad)"],
    "outage": [
        "no (podemos|pueden|puede|consigo|conseguimos|logramos) (acceder|entrar|conectarnos|conectar|trabajar|iniciar sesion|usar) .. (ninguno|nadie|ninguna|todos|todas|toda la oficina|todo el equipo)",
        "(error|errores|codigo) (500|502|503|504) .. (en|para) (todas|todos|cada|cualquier)",
        "(en|para) (todas las|cada) (paginas?|peticiones|solicitudes|llamadas|pantallas) .. (error|errores|500|502|503|504|falla|fallan|timeout)",
        "(no funciona|no va|no carga|no responde) (nada|ninguna pagina|ninguna|para nadie)",
        "(todos|todas) (los|las|nuestros|nuestras) .. (usuarios|empleados|agentes|tiendas|sucursales|clientes) .. (sin acceso|bloqueados|bloqueadas|sin servicio|sin poder (trabajar|entrar|acceder|vender))",
        f"{_SYS} .. (esta|estan|lleva|llevan|sigue|siguen)? (caido|caida|caidos|caidas|fuera de servicio|inaccesible|inaccesibles|sin servicio|no disponible|no responde|no carga|offline|down|muerto|muerta)",
        "(se ha caido|se cayo|se han caido|se cayeron)", "caida (total |general |completa )?(del|de la|de los|general del) (servicio|sistema|servidor|sitio|web|red|plataforma|servidores)",
        "sin (servicio|internet|conexion|linea|senal|acceso|red)", "(cortes|corte) (de|del) (luz|servicio|internet|red|conexion|linea|suministro)",
        "(nadie|ningun usuario|ninguno de nuestros .. ) (puede|pudo|consigue|logra) (entrar|acceder|conectarse|iniciar sesion|trabajar)",
        "no funciona (nada|ninguna)", "todo (esta )?(caido|parado|bloqueado)", "nadie puede trabajar", "interrupcion (del|de) servicio", "(los|nuestros) clientes no pueden (comprar|pagar|entrar|acceder|pedir)",
        "sin (fibra|internet|conexion|linea|telefono|movil|cobertura|television|tv|senal|servicio|red|wifi) (desde|en casa|en la oficina|en todo|hace|durante|todo)",
        "(luz|led|piloto) (de )?los .. (rojo|roja|en rojo|parpadea|parpadeando)",
        "(no hay|ni) (linea|senal|conexion|internet|cobertura)",
        "(nadie|ninguno) (de nosotros |de la oficina )?(puede|podemos) (trabajar|conectarse|entrar|acceder)",
    ],
    "not:outage": ["caida (del|de un|de una) #", "caida de (ventas|ingresos|precios|trafico|visitas|pedidos)"],
    "security": [
        "alguien (cambio|ha cambiado|modifico|ha modificado|reseteo|restablecio) (la|mi|nuestra|el) (contrasena|clave|correo|email|telefono|cuenta bancaria|iban)",
        "(han|habian|ha|habia) (entrado|accedido) (en|a) (mi|nuestra|nuestras|mis|la) (cuenta|cuentas|correo|perfil|sistema)",
        "(robaron|han robado|me robaron|nos robaron|hackearon|secuestraron|tomaron el control de|se apoderaron de) (la|mi|nuestra|nuestras|mis) (cuenta|cuentas|contrasena|identidad|sesion|perfil)",
        "(estan|han estado|siguen) (usando|utilizando) (mi|nuestra|mis|nuestras) (tarjeta|tarjetas|cuenta|cuentas|datos)",
        "(accedio|accedieron|ha accedido|han accedido|entro|entraron|ha entrado|han entrado) .. (sin (mi |nuestra )?(autorizacion|permiso|consentimiento)|a mi cuenta|a nuestra cuenta|a nuestros datos)",
        "(cambio|cambiaron|ha cambiado|han cambiado) (mi|la|nuestra) (contrasena|clave|correo|email|telefono|cuenta bancaria) sin (mi|nuestro|nuestra)? (permiso|autorizacion|consentimiento)",
        "(inicios de sesion|accesos|conexiones|ips|direcciones ip|dispositivos) (sospechosos|sospechosas|desconocidos|desconocidas|extranos|extranas|no reconocidos|que no reconocemos|que no reconozco)",
        "(suplanta|suplantan|suplantando|se hace pasar|se hacen pasar|haciendose pasar) (a|por) (ustedes|vosotros|su empresa|vuestra empresa|su banco|su marca)",
        "(clave|claves|token|tokens|credenciales|contrasenas|api key) .. (expuesta|expuestas|expuestos|expuesto|filtrada|filtradas|publicada|publicadas|visible|visibles) ",
        "(atacante|atacantes|ciberataque|ciberdelincuentes|intruso|intrusos|ransomware|malware)",
        "(saltar|saltaron|saltado|eludir|eludieron|burlar|burlaron) (la )?(verificacion en dos pasos|autenticacion|doble factor|2fa|mfa)",
        "(hackeado|hackeada|hackeados|hackearon|hackeo|hacker|hackers|pirateado|pirateada|pirateo)", "(me|nos) (han|ha) (hackeado|robado|pirateado)",
        "(cuenta|cuentas) (comprometida|comprometidas|robada|robadas|hackeada|pirateada|suplantada)", "acceso (no autorizado|indebido|sospechoso)",
        "(fraude|fraudulento|fraudulenta|fraudulentos|fraudulentas|suplantacion|fuga de datos|filtracion de datos|filtracion|phishing|robo de (datos|identidad|cuenta)|vulnerabilidad|brecha de seguridad)",
        "(pedidos|compras|cargos|movimientos|reservas|pagos|transferencias) que (yo )?no (hice|realice|reconozco|autorice|he hecho)",
        "no reconozco (estos|estas|los|las|ese|esa|este|esta) (cargos|cargo|pedidos|compras|movimientos|pagos|accesos)", "alguien (entro|accedio|ha entrado|ha accedido|uso|ha usado)",
        "(datos|pedidos|facturas|cuentas|fichas|informacion) (de otros|de otra|de otro) (clientes|cliente|empresa|empresas|usuarios|usuario)",
        "(correo|email|mensaje|sms|enlace) (sospechoso|fraudulento|falso|raro|extrano)",
        "(viene|proviene|es) (realmente |de verdad )?de (ustedes|vosotros)",
    ],
    "billing": [
        "(mi|la|una|esta|su|vuestra|nuestra|ultima) factura", "factura (incorrecta|erronea|duplicada|equivocada|n|numero)",
        "(cobro|cobros|cobrado|cobrada|cobrar|cobraron|cobrais|cobran|me cobran|reembolso|reembolsar|reembolsen|devolucion del dinero|devolucion del importe|doble cargo|doble cobro|cargo indebido|cargos indebidos|cargo duplicado|recargo|cuota)",
        "(devuelv*|devolv*) (el|los|mi|mis|nuestro|todo el) (dinero|importe|importes|cobro|cargo|#)", "(me|nos) (devuelven|devuelvan) (los )?#",
        "(subida|aumento) (de|del) (precio|tarifa|cuota)",
    ],
    "not:billing": [
        "(permisos|roles|acceso) .. (sobre|a|de) (la )?facturacion", "(facturas|reembolsos|cobros) (de|a) (nuestros|mis) clientes",
        "(facturas|tickets|recibos) (que )?(emitimos|generamos|enviamos|hacemos) (a|para) (nuestros|mis) clientes",
    ],
    "anger": [
        "(me siento|nos sentimos|se sienta|se siente|sentirse|sentirme|me he sentido|sentido) (estafado|estafada|estafados|enganado|enganada|enganados|timado|timada|ninguneado|ninguneada|humillado|humillada|tomado por tonto|tomada por tonta)",
        "(estafado|estafada|estafados|estafadas|timados)",
        "(profundamente|totalmente|absolutamente|muy) (indignado|indignada|decepcionado|decepcionada|molesto|molesta|ofendido|ofendida)",
        "(verguenza|vergonzoso|vergonzosa|indignado|indignada|indignados|indignante|lamentable|inaceptable|inadmisible|intolerable|estafa|estafadores|timo|ladrones|sinverguenzas|incompetentes|incompetencia|inutiles|pesimo|pesima|horrible|asqueroso|una broma|burla|furioso|furiosa|cabreado|cabreada|enfadado|enfadada|basura|desastre|ridiculo|no hay derecho|que barbaridad|tomadura de pelo|vergonzante|desfachatez|indecente|penoso|patetico|mal educado|maleducado|falta de respeto)",
        "(los|las) peores", "(el|la) peor (servicio|atencion|empresa|experiencia|compania)", "(sois|son) (unos|los) ",
        "(me|nos) (tratan|tratais|trataron|han tratado) como", "de verdad que",
        "(es|esto es) (una locura|de locos|surrealista|increible|alucinante|indignante)",
        "(os|les) (reis|estais riendo|estan riendo) de",
    ],
    "frustration": [
        "(vuelvo|volvemos) a (escribirles|escribiros|escribir|llamar|llamarles|reclamar|contactar|contactarles|insistir)",
        "(cuanto|cuantos) (tiempo|dias|semanas|meses) (mas|tengo|tenemos|tendre|tendremos|hay|habra) .. (esperar|aguantar)",
        "(estoy|estamos) (harto|harta|hartos|hartas|cansado|cansada|cansados|cansadas|aburrido|aburrida|quemado|quemada) (de|ya)",
        "no es la primera vez", "(empieza|empiezan|empiezo|comienza|comienzan) a (cansarme|hartarme|molestarme|agobiarme|desesperarme|cansar|hartar)",
        "(todavia|aun) (no|nada|sin|nadie|espero|estoy esperando)", "(sigue|siguen|sigo|seguimos) (sin|esperando|igual)", "otra vez", "de nuevo",
        "(por )?(segunda|tercera|cuarta|enesima) vez", "(estoy|estamos) (perdiendo la paciencia|harto|harta|hartos|cansado|cansada|cansados|desesperado|desesperada|frustrado|frustrada)",
        "perdiendo la paciencia", "no hay manera", "(llevo|llevamos) (todo el dia|toda la manana|# dias|dias|semanas|meses|horas|# horas|# semanas)",
        "(llevo|llevamos) (mas de )?(#|una|un|dos|tres|cuatro|cinco|seis|diez|quince|varias|varios|muchas|muchos) (dias|semanas|meses|horas|semana|mes) (esperando|sin|llamando|escribiendo|reclamando)",
        "(nadie|ninguno) (me |nos )?(responde|contesta|ayuda|llama|avisa|aviso|vino|viene|soluciona)", "(sin|ninguna|no he recibido|no hemos recibido) (respuesta|noticias)", "(sin|no he recibido|no hemos recibido) (ninguna )?solucion",
        "que alguien (me|nos) ayude", "(cuanto|cuantos) (tiempo|dias|mas) (mas|tengo|tenemos|hay que)", "hasta cuando", "de una vez",
        "(es|resulta) desesperante", "(harto|harta|hartos|frustrante|agotador|agotadora|desesperante)",
        "(diganme|digame|decidme|dime|me pueden decir|pueden decirme|podrian decirme|me podrian decir) (cuando|algo|de una vez|que pasa)",
        "(tecnico|tecnica|repartidor|instalador|nadie) (no ha|todavia no ha|aun no ha|nunca ha|ni ha) (venido|llegado|aparecido|llamado|contestado)",
        "(desde entonces|desde ese dia|hasta hoy|hasta ahora) (nada|nadie|ni una|sin)",
        "(a pesar de|pese a) que (he|hemos|ya)",
        "(llevamos|llevo) desde (el|la|hace|ayer|esta|este)",
        "alguien (puede|podria) (decirme|decirnos|ayudarme|ayudarnos|explicarme)",
        "(seguimos|sigo) (sin|esperando|bloqueados|bloqueado|atascados)", "(estamos|estoy) (esperando|bloqueados|bloqueado|atascados)",
    ],
    "calm": ["(no es urgente|sin prisa|nada urgente|cuando puedan|cuando podais|muchas gracias de antemano|les agradeceria|le agradeceria|os agradeceria|agradeceria mucho)"],
    "manager": [
        f"(hablar|hable|hablen|comunicarme|contactar) con (un|una|su|el|la|vuestro|vuestra|algun) {_BOSS}", f"(lo|la|el caso|mi caso) (revise|vea|atienda|estudie) (un|una|su|el|la) {_BOSS}",
        f"(un|una) {_BOSS} o alguien con mas", "alguien con mas (experiencia|autoridad|responsabilidad)", f"solicito (hablar con )?(un|una|su) {_BOSS}",
    ],
    "repeat": [
        "(les|os|le) (reclame|escribi|llame|pedi|dije|comente|explique|mande|envie|avise|indique)",
        "(he|hemos|ya he|ya hemos) (abierto|puesto|presentado|registrado|creado|enviado) (una|dos|tres|cuatro|varias|varios|muchas|#) (incidencias?|reclamaciones|reclamacion|quejas?|tickets?|casos?|solicitudes|solicitud|partes?)",
        "(escribiendoles|escribiendoos|llamandoles|reclamandoles|escribiendo|llamando|reclamando) (otra vez|de nuevo|por lo mismo|una vez mas|nuevamente)",
        "otra vez (escribiendoles|escribiendoos|llamandoles|escribiendo|llamando|reclamando|preguntando)",
        "(llevo|llevamos) .. (llamando|escribiendo|reclamando|insistiendo|enviando correos|mandando correos|preguntando|pidiendo)",
        "(me|nos) (prometieron|prometisteis|prometio|habian prometido|habiais prometido|aseguraron|asegurasteis|aseguro|dijeron que|dijisteis que)",
        "(la|el|los|las) (llamada|respuesta|reembolso|devolucion|visita|tecnico|solucion|abono|cambio) (prometida|prometido|prometidos|prometidas|acordada|acordado|que me prometieron)",
        "(les|os|le) (he|hemos) (enviado|mandado|escrito) (varios|varias|dos|tres|cuatro|muchos|muchas|#) (correos|emails|mails|mensajes|cartas|reclamaciones)",
        "(ya|otra vez|de nuevo|nuevamente|una vez mas) (les |os |le )?(vuelvo a|volvemos a) (escribir|llamar|reclamar|contactar|preguntar|insistir)",
        "(vuelvo|volvemos) a (escribirles|escribiros|escribir|llamar|llamarles|reclamar|contactar|contactarles|insistir|preguntar)",
        "ninguno (de ellos |de mis (correos|mensajes) )?(ha sido|fue) (respondido|contestado|atendido)",
        "(ya )?(les |os |se lo )?(escribi|llame|he llamado|he escrito|hable|he hablado|contacte|he contactado|he reclamado|envie|mande|avise|comunique|explique)",
        "(les|os) escribi", "(he|hemos|lo he|lo hemos) (pedido|solicitado|preguntado|reclamado|llamado|escrito|pedido ya) .. (dos|tres|cuatro|varias|muchas|#) veces", "(es|por) la (segunda|tercera|cuarta|enesima) vez que", "(mis|varios|dos|tres|cuatro|#) (correos|emails|mails|mensajes|llamadas|reclamaciones)",
        "numero de (incidencia|ticket|caso|reclamacion)", "(incidencia|ticket|caso) (n|numero)? #", "(como|segun) (ya )?(les|os) (dije|comente|explique)",
        "(su|vuestro|el) (agente|tecnico|companero|companera|soporte) (me|nos) (dijo|prometio|colgo)",
        "(me|nos) (abrieron|abrieron ya|abren|han abierto) (una|un) (incidencia|ticket|caso|reclamacion|parte)",
        "acuse de recibo",
        "(he|hemos) (escrito|llamado|reclamado|enviado) (dos|tres|cuatro|varias|muchas|#) veces",
        "(ya|he|hemos) (llame|llamamos|llamado) (dos|tres|varias|#) veces",
        "(como|segun) (ya )?(les|os|le) (indique|comente|explique|dije|escribi)",
        "(en|por) (mi|nuestro) (correo|email|mensaje|ticket|llamada) (anterior|del|de ayer)",
    ],
    "lawyer": [
        "(mi|nuestro|un|nuestros|mis) (abogado|abogada|abogados)",
        "(tribunal|tribunales|juzgado|juzgados|juez|juicio)",
        "(burofax|requerimiento formal|requerimiento notarial)",
    ],
    "press": [
        "(periodista|periodistas|medios de comunicacion|la prensa)",
    ],
    "not:media": [
        "# periodistas",
        "(nota de prensa|comunicado de prensa) .. periodistas",
        "prensa (hidraulica|francesa|de cafe|para cafe|de taller|manual|electrica|de banco|de columna|plegadora|excentrica|de vino|de ajos|de tortillas|de sellos)",
    ],
    "media": [
        "(he|hemos|ya) (publicado|dejado|escrito|puesto|subido|compartido) .. (resena|opinion|valoracion|comentario|video|post|tuit) .. (en|a)",
    ],
    "sarcasm": [
        "(han|habeis|has) (conseguido|logrado) (que|perder|romper|bloquear|cobrar)",
        "(enhorabuena|felicidades|felicitaciones|bravo|chapo|chapeau|muy bien hecho|buen trabajo|gran trabajo|que maravilla|de lujo|genial todo)",
    ],
    "not:legal": [
        "(nuestro|mi|el|nuestra) (abogado|abogada|abogados|departamento juridico|departamento legal|asesor juridico|asesoria juridica|equipo legal|equipo juridico) (nos |me |les |le )?(pide|pidio|solicita|solicito|necesita|quiere|quisiera|ha pedido) .. (copia|contrato|condiciones|terminos|documento|documentos|lista|clausula|clausulas|acceso|firma|dpa|politica)",
        "(soy|somos) (abogado|abogada|abogados|un despacho|un bufete|notario)",
    ],
}

# The fourth version: families of phrasing found missing by fresh practice messages (see docs/reading.md).
_FOURTH: dict[str, list[str]] = {
    "anger": [
        "(indignadisimo|indignadisima|cabreadisimo|cabreadisima|hasta las narices|hasta el gorro|hasta la coronilla|me hierve la sangre|estoy que trino|echando humo)",
        "(chapuza|chapuceros|chapuceria|cutre|lamentables|penosos|impresentables|sinverguenza|caraduras|jeta|timadores|mentirosos|ineptos|inepto|incompetente|un desastre|una pesadilla|un asco|asquerosos|verguenza ajena|de risa|un cachondeo|una estafa|un robo|un atraco|indecentes)",
        "(falta|faltas) de (respeto|profesionalidad|seriedad|consideracion|verguenza)", "(es|parece) (increible|inaudito|inconcebible|intolerable|indignante) que",
        "(me|nos) (toman|tomais|estan tomando|estais tomando) (el pelo|por tontos|por tonto|por idiota|por idiotas|el pelo)",
        "(su|vuestro|tu) (agente|operador|operadora|tecnico|personal|servicio) (es|son|fue) (un|una|unos|unas)? (incompetente|incompetentes|inutil|inutiles|maleducado|maleducada|grosero|grosera|desastre)",
    ],
    "frustration": [
        "(ya )?no (se|sabemos) (que|a quien|donde) (mas )?(hacer|acudir|llamar|recurrir)", "(nadie|ninguno) (me|nos) (da|dan|sabe dar|sabe|ha dado) (una )?(respuesta|solucion|explicacion)",
        "pasa de castano oscuro", "(me|nos) (estoy|estamos|estan) (desesperando|hartando|cansando|agotando)", "(desesperado|desesperada|desesperados|agotado|agotada|quemado|quemada|frustrado|frustrada|frustrante)",
        "para cuando (una |la )?(solucion|respuesta|el tecnico|la reparacion|el reembolso)", "(cuanto|cuantos) (mas|tiempo mas)",
        "(me|nos) (marean|mareais|estan mareando|han mareado|tienen dando vueltas|pasan de uno a otro)", "(dando vueltas|de un lado para otro|de departamento en departamento)",
        "(hace|desde hace|llevo|llevamos) (#|dos|tres|cuatro|cinco|varias|muchas) (semanas|dias|meses) (que|esperando|sin)",
    ],
    "threat:legal": [
        "(poner|pondre|pondremos|presentar|presentare|interponer|interpondre) (una )?(denuncia|demanda|querella)", "(nos veremos|os vere|les vere|nos vemos) en (los )?(juzgados|tribunales|el juzgado|juicio)",
        "(mi|nuestro) (abogado|abogada|abogados) (se pondra|se pondran|les contactara|les llamara|os contactara|tomara|tomaran|ya esta|esta|estan) ",
        "(tomare|tomaremos|emprendere|emprenderemos|iniciare|iniciaremos|adoptare) (medidas|acciones) (legales|judiciales)",
        "(hablado|consultado|hablare|consultare|contactado|contactare) (con )?(mi|nuestro|un) (abogado|abogada|abogados)",
    ],
    "threat:media": [
        "(hacer|hare|haremos|escribir|escribire|publicar|publicare) (un|una) (hilo|post|video|resena|publicacion|articulo) (en|contando|sobre)",
        "(contactar|contactare|contactaremos|llamar|llamare|acudir|acudire|ir|ire|escribir|escribire) (con |a )?(la )?(prensa|television|medios|periodistas|los medios|un periodista)",
        "(dejar|dejare|dejaremos|poner|pondre|escribir|escribire) (una|un|mi)? (resena|opinion|valoracion|comentario) (negativa|negativo|de una estrella|de 1 estrella|en google|en trustpilot)",
    ],
    "threat:regulatory": [
        "(reclamacion|queja|denuncia|denunciare|denunciar|reclamar|reclamare|acudire|acudir|recurrir|recurrire) .. (ante |en |a )?(la |el )?(ocu|facua|aepd|agencia de proteccion de datos|oficina del consumidor|consumo|omic|banco de espana|cnmc|cnmv|defensor del pueblo|organismo)",
    ],
    "regulator": ["(ocu|oficina del consumidor|agencia de proteccion de datos|banco de espana|cnmv)"],
    "threat:churn": [
        "(me voy|nos vamos|me cambio|nos cambiamos|me doy de baja|nos damos de baja|me largo|cancelo|cancelamos) .. (como|si) (esto )?(siga|sigue|no (lo )?(solucionan|arreglan|resuelven))",
        "(si|como) .. (no (lo )?(solucionan|arreglan|resuelven)|sigue asi|siga asi) .. (me doy|nos damos|me voy|nos vamos|me cambio|nos cambiamos|cancelo|cancelamos)",
        "(me voy|nos vamos|me ire|nos iremos|me cambio|nos cambiamos) a otra (compania|empresa|operadora|plataforma)",
    ],
    "outage": [
        "(nadie|ningun cliente|ningun usuario|ningun empleado) (puede|pudo|ha podido|consigue) (comprar|pagar|pedir|entrar|acceder|trabajar|conectarse|iniciar sesion)",
        "(se ha caido|se cayo|esta caido|esta caida) (todo|el sistema|la red|la web|el servidor|la plataforma|internet)",
        f"{_SYS} (no funciona|no va|no carga|no abre) (desde|en todo|para nadie|para ningun|hace)",
    ],
    "security": [
        "(compras|pedidos|cargos|pagos|movimientos|transferencias) .. que (yo )?no (he|hemos) (hecho|realizado|autorizado)( yo)?",
        "alguien (ha|habia) (entrado|accedido|iniciado sesion) (en|a) (mi|nuestra)",
    ],
    "not:security": ["(son|sois|son unos|sois unos|menudos|vaya) (estafadores|ladrones|timadores)"],
}
_FOURTH.setdefault('threat:churn', []).extend([
    '(o|si no|sino|de lo contrario) (me|nos) (cambio|cambiamos|cambiare|cambiaremos|voy|vamos|ire|iremos|doy de baja|damos de baja|largo|borro|borramos|paso|pasamos)',
])
_FOURTH.setdefault('outage', []).extend([
    '(ningun|ninguna) (agente|operador|operadora|empleado|empleada|usuario|cliente|tienda|terminal|caja|ordenador) (puede|pudo|consigue|ha podido) (atender|trabajar|entrar|acceder|conectarse|llamar|vender|cobrar|cobrar)',
    '(centralita|telefono|linea|lineas) (no )?(recibe|recibimos|entra|entran|funciona|funcionan|da tono) .. (llamadas|desde|hace)',
])
_FOURTH.setdefault('security', []).extend([
    '(dispositivo|dispositivos|ordenador|movil|telefono|ubicacion|pais|ip) que no (es|son) (mio|mia|mios|mias|nuestro|nuestra|nuestros)',
])
_FOURTH.setdefault('not:frustration', []).extend([
    'de nuevo (inicio|usuario|usuarios|dispositivo|cliente|clientes|pedido|producto|acceso|correo|contrato|plan|servicio|ingreso|modelo|sistema|diseno)',
])
_FOURTH.setdefault('threat:legal', []).extend([
    '(en|a) manos de (un|una|mi|nuestro|nuestros|nuestra) (abogado|abogada|abogados|departamento legal|despacho)',
    '(recibiran|recibira|tendran|tendra) noticias (suyas|de mi abogado|de mi abogada|de nuestro abogado|de nuestros abogados)',
])
_FOURTH.setdefault('churn', []).extend([
    '(pido|pedire|pedir|solicito|solicitare|hago|hare|hacer) la portabilidad',
])
_FOURTH.setdefault('churn', []).extend([
    '(me|nos) (cambio|cambiamos|cambiare|cambiaremos|paso|pasamos|pasare|pasaremos|voy|vamos) (de|a otra|a otro) (compania|operador|operadora|proveedor|banco|empresa|tarifa|aseguradora)',
    '(cambiarme|cambiarnos|irme|irnos|pasarme|pasarnos) de (compania|operador|operadora|proveedor|banco|empresa)',
])
_FOURTH.setdefault('threat:churn', []).extend([
    'como (sigan|siga|sigais|sigas|no (lo )?(solucionen|arreglen|resuelvan)) .. (me|nos) (cambio|cambiamos|voy|vamos|doy de baja|damos de baja|paso|pasamos|largo)',
])
_FOURTH.setdefault('frustration', []).extend([
    '(llevo|llevamos) (esperando|sin|llamando|escribiendo|reclamando) .. (desde hace|hace|durante|mas de) (dias|semanas|meses|horas|#|una|un|dos|tres)',
    '(ya )?no (aguanto|aguantamos|puedo mas|podemos mas|soporto|soportamos)',
])
_FOURTH.setdefault('threat:media', []).extend([
    '(subir|subire|subiremos|colgar|colgare|publicar|publicare|grabar|grabare|hacer|hare) (un|una)? (video|videos|post|hilo|resena|tiktok|reel) (a|en) (youtube|tiktok|instagram|twitter|x|facebook|redes)',
])
_FOURTH.setdefault('outage', []).extend([
    '(no tenemos|no tengo|sin|nos hemos quedado sin|me he quedado sin) (internet|linea|conexion|fibra|telefono|red|servicio|wifi) (en toda|en todo|en la|en el|desde|hace)',
])
_FOURTH.setdefault('security', []).extend([
    '(suplantado|suplantada|suplantaron|suplantan) (la|mi|nuestra)? (identidad|cuenta|empresa|marca)',
    '(robo|robado|robaron) (de )?(la |mi )?identidad',
])
for _category, _cues in _FOURTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# The fifth version: the kinds the sealed set of the fourth found missing (docs/reading.md).
CONTACTS = "escrib escrit correo mail llam pregunt reclam contact pedi solicit avis"
SEQUELS = "despues luego pasado_ese_plazo a_partir_de_ahi despues_de_eso"
_FIFTH: dict[str, list[str]] = {
    "threat": [
        "(tendran|tendra|van a tener|recibiran) noticias (nuestras|mias)",
        "(esto|esta|la cosa|el asunto|esto ya) no (va a|se va a|se|lo voy a|lo vamos a) (quedar|queda|quedara|dejar) asi",
        "no (pienso|pensamos|voy a|vamos a) (dejarlo|dejar esto|quedarme|quedarnos) (asi|de brazos cruzados)",
    ],
    "threat:media": [
        "(conozco|conocemos|tengo amigos|tengo contactos|tenemos contactos) (a )?(gente|alguien|periodistas|personas)? (en|de) (la |el |un )?(prensa|periodico|diario|television|tele|radio|redaccion|telediario)",
    ],
    "outage": [
        "(pagina|paginas|web|app|aplicacion|sistema|plataforma|tienda|todo) .. (se queda|se quedan|sigue|siguen|queda|quedan) cargando",
        "(nadie|ninguno de (nosotros|los empleados|los usuarios)|ningun (empleado|usuario|cliente)) .. (puede|podemos|pueden|consigue|conseguimos|logra|logramos) (iniciar sesion|entrar|acceder|conectarse|conectar|loguearse|trabajar|hacer pedidos|pagar)",
        "(cargando|gira|giran|da vueltas|dan vueltas) (sin parar|infinitamente|eternamente|para siempre|sin fin)",
    ],
    "security": [
        "(contrasena|codigo|clave|correo|mensaje|sms|enlace|aviso|alerta|restablecimiento) ... (que )?(nunca|no) (he |hemos |habia )?(pedi|solicite|pedido|solicitado|pedimos|solicitamos)",
    ],
    "frustration": [
        "cuantas veces (mas|tengo|tenemos|hay que|debo|debemos|voy a tener|vamos a tener)", "(ya basta|basta ya)",
    ],
    "churn": [
        "(tendremos que|tendre que|vamos a tener que|voy a tener que|habra que|nos veremos obligados a|me vere obligado a|me vere obligada a) (buscar|mirar|valorar|estudiar|considerar|evaluar|explorar) (otras|otro|otra|alternativas|la competencia)",
        "no (renueven|renueve|renovaremos|renovare|vamos a renovar|queremos renovar|quiero renovar)",
    ],
    "nth": ["(la|por) (segunda|tercera|cuarta|quinta|sexta|enesima) vez"],
}
for _category, _cues in _FIFTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Sixth version: families told by a subject and an effect anywhere in one sentence (pairs, see lexicon/__init__).
_MANY = ("(usuarios?|clientes?|empleados?|trabajadores|agentes?|companeros|llamadas?|tiendas?|sucursales|terminales|"
         "cajas|cajeros|cajeras|dispositivos|equipos|pacientes|huespedes|pagos|pedidos|enfermeras|enfermeros|medicos|"
         "conductores|tecnicos|comerciales|vendedores|alumnos|estudiantes|asesores|operadores)")
_SIXTH: dict[str, list[str]] = {
    "press": ["(youtuber|influencer|creador de contenido|creadora de contenido|reportero|reportera)", "(redactor|redactora) (de|en|del)"],
    "platform": ["(en|por) todas las redes"],
    "lawyer": [
        "(nuestro|nuestra|nuestros|mi|mis|su|sus|vuestro|vuestros|el|la|los) (abogado|abogada|abogados|asesor legal|letrado|letrada)",
        "(procedimiento|proceso|orden|requerimiento|demanda|mandato) (judicial|judiciales)",
    ],
    "pair:outage:1a": [
        f"(ningun|ninguno|ninguna|todos|todas|cada|ni un|ni una) .. {_MANY}",
        "(nadie|todo el equipo|toda la oficina|toda la empresa|toda la plantilla|todo el mundo)",
    ],
    "pair:outage:1b": [
        "(no|ni) (puede|pueden|podemos|consigue|consiguen|conseguimos|logra|logran|logramos|deja|dejan) .. "
        "(entrar|acceder|conectar|conectarse|conectarnos|iniciar sesion|loguearse|pagar|llamar|sincronizar|comprar|reservar)",
        "error (502|503|504)", "(devuelve|devuelven|da|dan|muestra|muestran|salta|sale) .. (502|503|504|service unavailable)",
        "(da|dan|suena|suenan) (ocupado|comunicando)",
    ],
    # The line itself told as absent or dropping: "diez días con la fibra cortándose", "seguimos sin internet".
    "outage": [
        "(fibra|conexion|internet|linea|wifi|red|router) .. (cortandose|se corta|se cae|se cayo|cayendose|cortada|caida|muerta)",
        "(dias|horas|semanas|seguimos|sigo|estamos|estoy|llevo|llevamos|todavia|aun) .. sin (internet|conexion|linea|telefono|fibra|senal|servicio)",
    ],
    "not:outage": ["(modo|funcion|funcionalidad|version|uso|trabajar|trabajo|acceso) sin conexion"],
}
for _category, _cues in _SIXTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Seventh version: security as the customer tells it (a stranger and an act on the account, data seen by another
# customer, codes never asked for, fraud on a charge) and regulators by their titles.
_DESCONOCIDO = ("(alguien|un desconocido|una desconocida|unos desconocidos|un tercero|terceros|una persona desconocida|"
                "un extrano|una extrana|un hacker|hackers|un estafador|estafadores)")
_MIS = ("(mis|nuestras|nuestros|mi|nuestra) (facturas?|datos|documentos|pedidos|direccion|nominas?|dni|extractos?|"
        "contrato|informacion personal|datos bancarios|iban)")
_SEVENTH: dict[str, list[str]] = {
    "pair:security:1a": [_DESCONOCIDO],
    "pair:security:1b": [
        "(entrado|entro|accedido|accedio|iniciado sesion|inicio sesion|metido|metio|colado|colo) (en|a) (mi|nuestra) (cuenta|perfil|correo|area)",
        "(cambiado|cambio|modificado|modifico|restablecido|restablecio|reseteado|borrado|desactivado) .. (contrasena|correo|email|e mail|telefono|numero|datos bancarios|iban|direccion de envio|doble factor|verificacion)",
        "(hecho|hizo|realizado|realizo|comprado|compro|pedido|pidio|reservado|transferido|sacado) .. (con|desde|en) (mi|nuestra) (cuenta|tarjeta|perfil|nombre)",
        "(en|a) (mi|nuestro) nombre", "(haciendose|hacerse|se hace|se hizo|se ha hecho) pasar por (mi|nosotros)", "(suplantando|suplanto|suplantado|suplantacion) .. identidad",
        "(vaciado|vacio|vaciaron|vaciado) (mi|nuestra|el) (cuenta|monedero|saldo|cartera)",
    ],
    "pair:security:2a": ["(otro cliente|otra clienta|otros clientes|otro usuario|otra persona|un desconocido|una desconocida|un extrano|una extrana|el destinatario equivocado|una persona equivocada)"],
    "pair:security:2b": [
        f"(ve|veia|ha visto|vio|recibe|recibia|ha recibido|recibio|puede ver|podia ver|tiene acceso a) (todas |todos )?{_MIS}",
        f"{_MIS} .. (enviado|enviada|enviados|enviadas|mandado|mandada|mandados|mandadas) a",
        "(he|hemos) recibido (la|las|una|unas|los|unos) (factura|facturas|datos|documentos|pedido|extracto|nomina|contrato)",
        "(me ha llegado|me llego|me han llegado|me llegaron|nos ha llegado) (la|las|una|unas|los) (factura|facturas|datos|documentos|pedido|extracto|nomina)",
        "(factura|facturas|datos|documentos|pedidos|nomina) de (otro|otra|otros) (cliente|clienta|clientes|usuario|persona)",
    ],
    "pair:security:3a": ["(codigo|codigos|sms|enlace|enlaces|correo|correos|email|emails|mensaje|mensajes) (de )?(verificacion|confirmacion|seguridad|acceso|restablecimiento|restablecer|recuperacion)",
                         "(restablecer|restablecimiento de) (la )?contrasena"],
    "pair:security:3b": ["(que )?(yo )?no (he|hemos|habia|habiamos) (pedido|solicitado|hecho)", "(que )?no (pedi|solicite|pedimos|solicitamos)", "sin (haberlo|haberlos|haberla|haberlas) (pedido|solicitado)"],
    "security": [
        "(cargo|cargos|cobro|cobros|pago|pagos|compra|compras|transaccion|transacciones|transferencia|transferencias|retirada|retiradas) (fraudulento|fraudulenta|fraudulentos|fraudulentas)",
        "(fraude|estafa) (en|con) (mi|nuestra) (tarjeta|cuenta)",
        "(me han|nos han|han) vaciado .. (cuenta|monedero|saldo|cartera)",
        "(movil|telefono|dispositivo|ordenador|navegador) que no es (el )?(mio|nuestro)",
    ],
    "not:security": [
        f"(si|cuando|como|puede|podria|pueden|podrian|para que) {_DESCONOCIDO}",
        "alguien (de|del) (vuestro|su|vuestra|el) (equipo|soporte|servicio|departamento)",
    ],
    "regulator": [
        "(agencia espanola de proteccion de datos|aepd|comision nacional de los mercados|cnmc|comision nacional del mercado de valores|cnmv|banco de espana|"
        "direccion general de consumo|ministerio de consumo|junta arbitral de consumo|oficina municipal de informacion al consumidor|omic|"
        "organizacion de consumidores y usuarios|ocu|facua|asufin|adicae|defensor del pueblo|sindic de greuges|setsi|oficina de atencion al usuario de telecomunicaciones)",
    ],
    # Bodies of redress (ombudsmen, consumer offices and associations, mediators): named about the customer's own
    # case, the regulatory matter by themselves; a threat when announced, under a condition or lodged as a complaint.
    "redress": [
        "(oficina|organismo|autoridad|agencia|asociacion) (municipal )?(de|del) (consumo|consumidor|consumidores|proteccion de datos|informacion al consumidor)",
        "defensor del (cliente|pueblo|consumidor)",
    ],
    "regulatory": [
        "(articulo|art) # (del |de la )?(rgpd|gdpr|lopdgdd|lopd)",
        "(solicitud|peticion|ejercicio del derecho) (de|del derecho de) (acceso|supresion|rectificacion|portabilidad|oposicion) .. datos",
    ],
}
for _category, _cues in _SEVENTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Tenth version: security, media, outage and legal matters told in everyday words, with the counter-cues of their
# lures (docs/reading.md); written on the misses of practice sets E-G and training sets A-E, never on H or J.
_EIGHTH: dict[str, list[str]] = {
    "legal": [
        "(soy|somos) (el |la )?(abogado|abogada|abogados|letrado|letrada) (de|del)",
        "demanda (conjunta|colectiva)",
    ],
    "not:legal": [
        "(denuncia|denunciarlos|denunciaros|denunciarles|denunciar|reclamacion) ante (la |el )?(aepd|omic|consumo|cnmc|oficina de consumo|agencia espanola de proteccion de datos|agencia de proteccion de datos)",
        "a (mi|nuestro|su|tu) juicio",
        "plantilla de burofax",
    ],
    # The product asked about working offline: "Does the app work without internet on a plane?"
    "not:outage": [
        "(funciona|funcionan|funcionar|funcione|usar|usarla|usarlo|se puede usar|graba|sincroniza|disponible) .. sin (internet|conexion|red|senal|wifi|datos|cobertura)",
    ],
    "outage": [
        "(lleva|llevan|esta|estan|estuvo|estaba) (completamente |totalmente )?(caido|caida|caidos|caidas) (todo|toda|desde|otra vez|de nuevo|entre|el|la)",
        "(sin luz|sin electricidad|sin agua|sin internet|sin linea|sin telefono|sin senal|sin cobertura|sin red|sin gas) (desde|en todo|en toda|en el barrio|en la calle|todo el|toda la|hace|otra vez)",
        "(otra vez|de nuevo|llevo .. dias|llevamos .. dias) sin (luz|electricidad|agua|internet|linea|telefono|senal|cobertura|red)",
        "se cae (todos los dias|cada dia|cada noche|otra vez|a diario)",
        "(no entra nadie|nadie puede entrar|no puede entrar nadie|no podemos entrar ninguno|no puede entrar ninguno)",
    ],
    "media": [
        "(lo|la|los|las) (subo|publico|cuelgo|pongo|publicare|subire) (a|en) (tiktok|instagram|twitter|youtube|facebook|redes|los diarios|la prensa|internet)",
        "(les escribi|os escribi|escribi|les escribimos) (por|en) (twitter|instagram|facebook|x)",
        "(amigo|amiga|primo|prima|conocido|conocida) (en|que trabaja en|que escribe en) (el pais|el mundo|la vanguardia|abc|la prensa|un periodico|un diario|la tele|la radio)",
        "(su|vuestro|el|al) (gabinete de prensa|departamento de prensa|jefe de prensa)",
    ],
    "security": [
        "(no fui yo|no he sido yo|yo no he sido|yo no fui|no era yo|no fuimos nosotros|no hemos sido nosotros)",
        "(aviso|avisos|notificacion|notificaciones|alerta|alertas) de (inicio de sesion|inicios de sesion|acceso|accesos|conexion) .. desde",
        "(me|nos) (clonaron|han clonado|clonan) (la |mi |nuestra )?tarjeta", "tarjeta (clonada|duplicada)",
        "(me|nos) (han|ha) cambiado (el|la|mi|nuestro|nuestra) (correo|email|e mail|contrasena|clave|telefono|numero)",
        "(correo|mensaje|sms|email|e mail|llamada) (igual|identico|identica|parecido|parecida|casi igual) (a|que) (los|las)? (vuestros|vuestras|suyos|suyas|de ustedes)",
        "(correo|mensaje|sms|email|e mail|llamada|enlace) ... (pidiendome|pidiendonos|me pide|me pedia|me piden|pidiendo) (los |mis |el |la |mi )?(datos|codigo|contrasena|clave|pin) (del banco|bancarios|de la tarjeta|de acceso|de mi tarjeta|de mi cuenta)",
        "(veo|vemos|aparecen|se ven) .. (de otros|de otras|de otro|de otra) (clientes|cliente|pacientes|paciente|usuarios|usuario|empresas|empresa)",
    ],
}
for _category, _cues in _EIGHTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Undécima versión: fraude de terceros en la tarjeta del cliente, cortes dichos por su duración, reseñas y
# publicaciones anunciadas, y las contrapistas de sus señuelos (docs/reading.md).
_NINTH: dict[str, list[str]] = {
    "security": [
        "(cargos|compras|movimientos|pagos|operaciones|retiradas|transacciones) (raros|raras|extranos|extranas|desconocidos|desconocidas|sospechosos|sospechosas|que no reconozco|que no he hecho|que no hice) (en|de|desde) (mi|mis|nuestra|nuestras)",
        "alguien (ha )?(comprado|pedido|hecho|transferido|enviado|sacado|retirado|gastado) .. (con|desde|de|en) (mi|nuestra) (cuenta|tarjeta)",
    ],
    "not:security": [
        "(simulacro|simulacion|campana|prueba|formacion) (de )?(phishing|suplantacion|concienciacion)",
    ],
    "outage": [
        "(dias|semanas|horas|meses) (con cortes|de cortes|sin luz|sin internet|sin linea|sin telefono|sin agua|sin gas|sin conexion|sin cobertura|sin servicio)",
        "(ninguna|ninguno) de (las|los|nuestras|nuestros) (cajas|tiendas|terminales|tpv|datafonos|oficinas|sucursales|empleados|trabajadores|usuarios|ordenadores|equipos) .. (puede|pueden|consigue|consiguen|logra|logran) (entrar|acceder|conectarse|cobrar|iniciar sesion)",
        "(no funciona|no va) .. (en )?(ninguna|ninguno) de (las|los|nuestras|nuestros) (cajas|tiendas|terminales|tpv|oficinas|sucursales)",
    ],
    "not:outage": [
        "(no disponible|caido|caida|fuera de servicio|error) .. pero (todo lo demas|el resto de la web|el resto de la pagina|el resto de la app|las demas paginas) (funciona|va bien|carga)",
    ],
    "threat:media": [
        "lo (contare|contaremos|cuento|publicare|publicaremos|publico|subire|subo|pondre|pongo|dire|digo) (todo )?(en|por) (todas las |las |mis )?(resenas|opiniones|redes|redes sociales|twitter|x|facebook|instagram|tiktok|google|trustpilot|internet|youtube)",
    ],
    "not:media": [
        "(campana|campanas|publicaciones|posts|estrategia|presencia|community manager) (en|para) (las |nuestras )?redes sociales",
    ],
}
for _category, _cues in _NINTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Duodécima versión: sin luz, agua, gas o fibra desde un momento o durante un tiempo; días sin poder entrar
# (docs/reading.md).
_TENTH: dict[str, list[str]] = {
    "outage": [
        "(sin|no hay|no tenemos|no tengo|seguimos sin|sigo sin) (luz|electricidad|agua|agua caliente|gas|calefaccion|internet|fibra|linea|telefono|television) (desde|hace|durante|todo el|toda la|en todo|en toda)",
        "(una|un|dos|tres|cuatro|cinco|#) (semana|semanas|dia|dias|hora|horas|mes|meses) sin (fibra|luz|internet|linea|telefono|agua|gas|conexion|cobertura|servicio)",
        "(llevamos|llevo|lleva|llevan) (# |dos |tres |cuatro |cinco |varios |varias )?(dias|horas|semanas) sin (poder )?(entrar|acceder|conectar|conectarnos|conectarme|trabajar|cobrar|luz|internet|fibra|agua|gas|linea|telefono)",
    ],
    "not:outage": [
        "(no hay |sin |no tengo |no tenemos )?conexion (desde|con|entre) (la|el|mi|nuestra|nuestro) (tablet|tableta|movil|impresora|datafono|terminal|bascula|ordenador|portatil|app|aplicacion|lector)",
    ],
}
for _category, _cues in _TENTH.items():
    CUES.setdefault(_category, []).extend(_cues)
