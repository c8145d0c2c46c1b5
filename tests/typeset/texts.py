"""Word pools for generated documents: the vocabulary of Cold War history, in English, Russian and Chinese.

Drawn from by `typeset.strategies`, for Hypothesis and, with a seeded
`random.Random`, for the hand-picked golden documents (`typeset.cases`).
"""

from __future__ import annotations

NOUNS = (
    "alliance treaty border talks leadership delegation archive agreement government negotiation propaganda "
    "friendship conference revolution question relations position letter record history experts hierarchy "
    "railway credits ambassador embassy ministry politburo congress plenum memorandum telegram cable "
    "interpreter strategy ideology doctrine polemics campaign rapprochement normalization sovereignty "
    "boundary island river frontier garrison delegate communique statement speech visit summit"
).split()
ADJECTIVES = (
    "Soviet Chinese socialist fraternal bilateral secret economic military ideological tense cautious "
    "unexpected formal private public long brief bitter lasting uneasy decisive modest"
).split()
VERBS = (
    "signed rejected proposed discussed postponed welcomed criticized confirmed recalled denied accepted "
    "questioned reported insisted drafted announced demanded suspended renewed ended"
).split()
PEOPLE = (
    "Mao Zedong|Zhou Enlai|Liu Shaoqi|Deng Xiaoping|Chen Yi|Peng Dehuai|Nikita Khrushchev|Joseph Stalin|"
    "Anastas Mikoyan|Andrei Gromyko|Mikhail Suslov|Pavel Yudin|Stepan Chervonenko|Alexei Kosygin|Leonid Brezhnev"
).split("|")
PLACES = "Moscow|Beijing|Harbin|Shanghai|Vladivostok|Lüshun|Xinjiang|Manchuria|Ulan Bator|Hanoi|Pyongyang".split("|")
AUTHORS = (
    "Kathryn Halloran|Anton Petrov|Mei Lin|Wei Zhou|Olga Petrova|Daniel Hart|Ji-won Kim|Sergei Volkov|"
    "Li Danhui|Yafeng Xia|Elena Sokolova|Thomas Brandt|Aiko Tanaka|James O'Connor"
).split("|")
TRANSLATORS = "Mei Lin|David Wolff|Anna Example|Sergey Radchenko|Gary Goldberg|Zhang Qian".split("|")
BOOKS = (
    "Mao's China and the Cold War|The Sino-Soviet Split|Brothers in Arms|Two Suns in the Heavens|"
    "Unwanted Visionaries|Mao and the Sino-Soviet Partnership, 1945–1959|Shadow Cold War|"
    "Deng Xiaoping and the Transformation of China|The Sino-Soviet Alliance|Cold War Crucible"
).split("|")
PUBLISHERS = (
    "Chapel Hill: University of North Carolina Press|Princeton: Princeton University Press|"
    "Stanford: Stanford University Press|Lanham: Lexington Books|Cambridge, MA: Harvard University Press|"
    "London: Routledge|Washington, DC: Woodrow Wilson Center Press"
).split("|")
ARCHIVES_EN = (
    "Archive of the President of the Russian Federation (APRF), fond 45, opis 1, delo 329, listy 9–17|"
    "Archive of Foreign Policy of the Russian Federation (AVPRF), fond 0100, opis 46, papka 362, delo 12|"
    "Russian State Archive of Contemporary History (RGANI), fond 5, opis 49, delo 235|"
    "Archive of the Ministry of Foreign Affairs of the PRC, 109-00834-02"
).split("|")
ARCHIVES_RU = (
    "АПРФ, ф. 45, оп. 1, д. 347, л. 102–109|АВП РФ, ф. 0100, оп. 43, п. 302, д. 10, л. 1–4|"
    "РГАНИ, ф. 5, оп. 30, д. 335, л. 88–92"
).split("|")
DATELINES = (
    "[Moscow,] 28 December 1949|Beijing, 2 October 1959|[Beijing,] 22 July 1958|Moscow, 14 February 1950|"
    "Vladivostok, 28 July 1986|[Harbin,] 3 March 1950"
).split("|")
RUSSIAN = (
    "Товарищ Мао Цзэдун сказал, что китайская сторона готова продолжить переговоры.|"
    "Советская делегация выразила удовлетворение ходом обсуждения.|"
    "Вопрос о границе следует решать на основе существующих договоров.|"
    "Стороны договорились встретиться снова в ближайшее время.|"
    "Посол заметил, что правительство СССР внимательно изучит предложения китайских товарищей."
).split("|")
RUSSIAN_HEADINGS = "Запись беседы|Переговоры в Москве|Пограничный вопрос|Экономическая помощь|Итоги визита".split("|")
CHINESE = (
    "毛泽东指出，中苏两党之间的分歧应当通过协商解决。|"
    "周恩来总理表示，中国政府愿意继续进行边界谈判。|"
    "双方同意在北京举行下一轮会谈。|"
    "苏联专家的撤离给中国的经济建设造成了严重的困难。|"
    "这次会谈是在友好和坦率的气氛中进行的。"
).split("|")
CHINESE_HEADINGS = "中苏关系的演变|边界谈判|同盟的破裂|经济援助|会谈纪要".split("|")
JOURNALS = (
    "Cold War History 21(3)|Journal of Cold War Studies 23(4)|The China Quarterly 245|Diplomatic History 44(2)".split(
        "|"
    )
)
BOOK_TITLES = (
    "Fraternal Rivals: China and the Soviet Union in the Cold War|"
    "A Short History of Sino-Soviet Relations, 1917–1991|The Cold War in East Asia"
).split("|")
KEYWORDS = "Sino-Soviet relations|Cold War|Mao Zedong|Khrushchev|alliance|border|ideology|archives".split("|")
TABLE_TOPICS = (
    "Soviet loans to China, 1950–1957|Soviet experts in China by year|Trade between the USSR and the PRC|"
    "Border incidents reported, 1960–1969"
).split("|")
TABLE_HEADERS = (
    ("Year", "Amount", "Purpose"),
    ("Year", "Experts", "Ministry", "Remarks"),
    ("Period", "Exports", "Imports"),
)
TABLE_WORDS = "industry|defence plants|railways|machine tools|oil|grain|cotton|steel|none reported|several".split("|")
