"""Cues that read the same in every language: names of regulators, of social networks, of consumer-complaint and
review sites. A name is a cue only where customers use it to threaten or complain ("je signale à la DGCCRF", "if
..., it goes on TikTok"), or to say they already published ("j'ai laissé un avis sur Trustpilot"); names that are
also common words or product features (Twitter, Google) live in the phrase lists of each language too.
"""

from __future__ import annotations

CUES: dict[str, list[str]] = {
    "regulator": [
        "(cnil|dgccrf|arcep|acpr|amf|anssi|bafin|bundesnetzagentur|verbraucherzentrale|verbraucherzentralen|bfdi|"
        "datenschutzbeh*|cfpb|ftc|fcc|ofcom|ofgem|ofwat|fca|aepd|facua|omic|cnmc|agcom|agcm|garante della privacy|"
        "garante per la protezione|procon|anatel|anpd|senacon|idec|bacen|ico complaint|edpb|defensor del pueblo|"
        "défenseur des droits|defenseur des droits|médiateur de la consommation|mediateur de la consommation|"
        "schlichtungsstelle|arbitraje de consumo|consumidor.gov|consumidor gov)",
    ],
    # Networks, review and consumer-complaint sites: a threat when announced or under a condition ("I'll leave a
    # review on Trustpilot"), the media matter when already done ("j'ai laissé un avis sur Trustpilot").
    "platform": [
        "(twitter|facebook|instagram|tiktok|reddit|linkedin|youtube|social media|trustpilot|google reviews|yelp|"
        "reseaux sociaux|redes sociales|redes sociais|sozialen medien|sozialen netzwerken|social network|social networks|"
        "i social|sui social)",
        "(reclame aqui|reclameaqui|tripadvisor|glassdoor|que choisir|60 millions de consommateurs|"
        "stiftung warentest|watchdog)",
    ],
}
