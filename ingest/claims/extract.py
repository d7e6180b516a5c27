"""Claims from a document's body: each claim a verbatim sentence or quoted passage, typed,
attributed and tied to the entities mentioned inside it.

Reading order, per block (paragraph or list item) of the body:
1. a transcript label ("K: …") sets the speaker of the block;
2. a quoted passage with a speaker becomes one quotation claim per block it spans;
3. every other sentence that is a claim (not a heading, question, fragment or formula) gets a type
   from the cues, in this order: report (a reporting verb with its subject, "In X's view", or the
   continuation of a report in the same paragraph), decision/instruction, recommendation, report of
   what was done, else assessment.
The claimant of the writer's own sentences is the document's voice (authors, else signer, else
drafter); of reports and quotations, the speaker. `about` is the linked entities mentioned inside
the claim's span, minus the mentions that only name the speaker.
Only the body (record.body_start..record.body_end) is read: headings, the source note and the
editors' footnotes are not the document's claims.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ontology import iris
from ..records import Claim, ClaimAgent, DocumentRecord
from ..entities.posts import heading_posts
from ..entities.titles import united_states_holder
from ..triples import party_person_iri
from .about import about_readings
from .authority_names import link_local_claimants
from .antecedents import held_attitude, opening_subject, pronoun_antecedent
from .bodies import with_bodies
from .carry import Carrier, Context, genre_of_heading, load_carrier
from .casing import in_mixed_case
from .coreference import DocumentPeople, Named
from .cues import Cues, load_cues
from .letters import closing_signature, find_letter, is_close_alone
from .quotes import DATE_ONLY, LETTER_DATE, SALUTATION, Quote, find_quotes
from .senders import cable_sender, host_country, quoted_signature, is_routing_line, routing_end
from .sentences import Block, blocks as find_blocks, sentences_in_block
from .voices import (AND_HIS_GROUP, Agent, MentionIndex, Subject, agent_of_mentions, apposed_name, document_voice, find_subject, initial_speaker,
                     label_speaker, named_agent, party_agent, post_agent, SPEAKER_KINDS)

__all__ = ["extract_claims", "claims_of", "carry_points", "ABOUT_KINDS"]

ABOUT_KINDS = frozenset({"person", "country", "organization", "region", "place"})
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")
_END_PUNCT = re.compile(r"[.!?;:…][”\"’')\]*_]*$")
_SPEECH_ATTITUDE = frozenset({"speech", "attitude", "view"})
_PRESENT_AFTER_SUBJECT = re.compile(r"\b(?:it|that|this|he|she|which|who)\s+(?:\w+ly\s+)?[a-z]{2,}[^s\W]s\b", re.IGNORECASE)
_DIGIT_WORD = re.compile(r"[A-Za-z]*\d[\w’'-]*")
# Longer than any FRUS sentence (the longest in the fixtures is 436 characters): run-on text or a table.
# Not read for claims, which keeps the per-sentence steps (subject, quotes, about) linear in the document.
MAX_SENTENCE = 4000
# What may stand between a sentence's subject and its verb: "of the British Embassy", ", China Desk,".
_AFTER_SUBJECT = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*|\s*,[^,;:]{1,40},)?\s+(?:\w+ly\s+)?([a-z][\w’'-]*)")
# A quoted message in numbered paragraphs ("2. “Dear Mr. President: …"): the number is not text before the quote.
_ENUMERATOR = re.compile(r"^\(?\d{1,3}[.)]$")
# A lead-in that announces a quoted message and ends with a period ("Please pass the following message from the
# Secretary to President Kaunda.").
_FOLLOWING_MESSAGE = re.compile(r"\bfollowing\s+(?:personal\s+|oral\s+|urgent\s+)?(?:message|letter|text|statement|reply)\b[^.]*\.$")
# "790. From Murray to Creel. “I am proceeding…”": a telegram relaying one message names its author.
_FROM_TO = re.compile(r"(?:\d{1,5}\.\s+)?From\s+(?P<who>[A-Z][\w.’' -]{1,40}?)\s+to\s+[A-Z][^.]{1,60}\.$")
# The greeting opening a quoted letter, run into its first sentence by the splitter.
_SALUTATION = re.compile(r"Dear\s+[^:\n]{1,60}:\s+(?=\S)")
_QUESTION = re.compile(r"\?[”\"’')\]*_]*$")
# "If you could get the Cuban troops withdrawn . . .": an utterance broken off, not a statement (a full stop
# before the dots, ". . . .", ends a sentence and marks an omission).
_BROKEN_OFF = re.compile(r"(?<![.\s])\s*(?:\.\s\.\s\.|\.\.\.|…)[”\"’')\]*_]*$")
# The start of a sentence before its first word: an enumerator, quotes, brackets.
_OPENING = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+|\([a-z]\)\s*)?")
# Session 47: telegraphese after an adverb ("Also concurs action should be taken at once today.", "Therefore wanted to push
# ahead quickly…", round 15)
_SUBJECTLESS_OPENING = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+|\([a-z]\)\s*)?(?P<adverb>(?:Also|Further|Then|Therefore|Finally|"
                                  r"Later|Subsequently|Moreover),?\s+)?")
# Round 12: the Department's own "we" after a position it states in the name of the United States.
_US = iris.country_iri("united-states")
_DEPARTMENT_OF_STATE = iris.organization_iri("department-of-state")
_COUNTRY_IT = re.compile(r"[\s“\"(]*(?:It|IT)\s+(?!(?:is|was|seems|appears|would\s+be|may|might|IS|WAS)\b)")
_WE_OPENS = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:And|But|So|However,?)\s+)?(?:We|Our)\s")
_WRITER_OPENS = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:And|But|So|Afterwards|Later|Then|Subsequently|Meanwhile|"     # "And I am not prepared…"
                           # session 47: "Personally, I do not think there are any great issues at stake…" (round 15)
                           r"Personally|Frankly|Candidly|Incidentally|Finally|Also|However|Nevertheless|Moreover|Accordingly|"
                           r"Therefore|Thus|Now|Otherwise|Privately|Obviously|Clearly|Of\s+course),?\s+)?"
                           # round 9: "(From this and other discussions, I got very clearly the impression…"
                           r"(?:(?:From|After|In|On|At|For|Given|Having|Judging)\s[^,;:()“”\"]{3,80},\s+"
                           # session 38: two opening phrases ("After lunch, at Horowitz' suggestion, I pulled Blanchard aside…")
                           r"(?:(?:at|in|on|after|for)\s[^,;:()“”\"]{3,60},\s+)?)?I\s"
                           # session 38: "I, of course, rejected along lines para 5 Deptel 557." (frus1955-57v03 d304)
                           r"|[\s“\"(—–-]*I,\s+(?:of\s+course|naturally|however|therefore|in\s+turn|for\s+my\s+part),\s+"
                           # round 11: the writer addressing the reader ("As you will recall the Executive Order is…")
                           r"|[\s“\"(—–-]*As\s+you\s+(?:will\s+|may\s+|well\s+|of\s+course\s+)?(?:recall|know|remember|are\s+aware)\b")
# Session 36: the writer's own counsel, with another's verb nested in it ("WE SHOULD NOT LET SHAH OFF HOOK OF ACTING LIKE ME
# STATESMAN HE CLAIMS TO BE.", frus1969-76ve04 d22)
_WE_SHOULD = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:But\s+|And\s+|However,?\s+)?We\s+(?:should|must|ought|need)\b")
# Round 11: the meeting itself as the subject ("After laughter died down, this led to a discussion about…", "The matter
# was left up in the air there.", "The meeting ended at…"): the recorder's narration, not the last speaker's report.
_MEETING_NARRATED = re.compile(r"[\s“\"(—–-]*(?:(?:After|When|At|With|Following)\s[^,;:]{1,50},\s+)?(?:[Tt]his|[Tt]hat|[Tt]he\s+(?:matter|discussion|"
                               r"meeting|conversation|session|call|talk|luncheon|dinner))\s+(?:then\s+)?(?:led|ended|was\s+left|"
                               r"was\s+(?:\w+ly\s+)?adjourned|adjourned|concluded|closed|broke\s+up|turned\s+to|lasted)\b"
                               # session 38: what the meeting did with a text ("Proposal adopted without debate.", "Language
                               # referring to … declaration … was agreed upon.", "Squabble finally resolved by adoption phrase…",
                               # frus1955-57v04 d82), not the last speaker's report
                               r"|[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:The|This|That|Their|His|Our|Revised|New|Final)\s+)?(?:[\w-]+\s+){0,1}"
                               r"(?i:proposal|resolution|text|language|draft|amendment|motion|paragraph|communiqu[eé]|declaration|"
                               r"phrase|wording|squabble|issue|item|agenda|formula)\b(?:(?!\b(?:would|will|could|should|might|must|"
                               r"may|can|be|not|if)\b)[^;:.]){0,100}?\s(?:was\s+|were\s+|been\s+)?"
                               r"(?:(?:then|finally|eventually|subsequently|\w+ly)\s+)?(?:adopted|approved|agreed\s+upon|accepted|"
                               r"deleted|dropped|resolved\s+by|carried|passed|tabled|withdrawn)\b"
                               # session 29: a conclusion of the meeting's ("It was agreed that this was a good thing to do…",
                               # "It was noted, in closing, that the Canadians had not yet received a reply…")
                               r"|[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?It\s+was\s+(?:\w+ly\s+|also\s+)?(?:agreed|noted|decided|understood)\b"
                               # session 30: the talk itself ("There followed some good-humored exchanges…", "There was also some
                               # inconclusive discussion…", "Ensuing discussion revolved about…")
                               r"|[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:There\s+(?:followed|ensued|was|were)\s+(?:then\s+|also\s+)?(?:an?\s+|some\s+)?"
                               r"(?:[\w-]+\s+){0,2}(?:discussion|exchanges?|conversation|talk)\b|(?:The\s+)?[Ee]nsuing\s+discussion\b)")
# Round 11: "Middleton and I concur…", "The Ambassador and I agree that…": a view the writer shares with another.
_JOINT_VIEW = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:[Bb]oth\s+)?(?:[Tt]he\s+)?(?P<who>(?:[A-Z][\w.’'-]*\s+|of\s+){0,3}[A-Z][\w’'-]+)"
                         r"\s+and\s+I\s+(?:(?:both|also|fully|entirely|completely|strongly|have)\s+)*(?P<verb>concur|agree|believe|feel|think|"
                         r"consider|are\s+agreed|are\s+convinced|are\s+of\s+the\s+opinion|share|"
                         # session 29: "Mr. McNamara and I have concluded that…", "The Joint Chiefs of Staff and I recognize that…",
                         # "Amb Rankin and I recommend a blockade…"
                         r"concluded|recognize|recommend|agreed|propose|suggest|urge|doubt|hope)\b")
_SECRETARY_TITLE = re.compile(r"(?:the\s+)?(?:Acting\s+)?Secretary(?:\s+of\s+State)?", re.IGNORECASE)
# A title opening a sentence ("Prime Minister in frank discussion with … stated"), and what ends its clause.
_TITLE_OPENING = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:[Tt]he\s+)?((?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*)(?=\s)")
_OF_OFFICE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?")
# Session 38: the name in apposition after a title and its office ("Minister of Interior, Tahar Belkhodja, told me…").
_NAME_IN_APPOSITION = re.compile(r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s*){1,3})?,\s*(?P<name>(?:[A-Z][\w.’'-]+\s+){0,2}[A-Z][\w’'-]+)\s*,\s*$")
_TITLE_ASIDE = re.compile(r"[\s“\"(—–-]*(?:[Tt]he\s+)?((?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*)(?=,)")
# ", in referring to Mr. Gromyko's remark about advisers, " between a subject and its verb.
_PARENTHETICAL = re.compile(r"\s*,[^,;:]{1,160},\s*(?:\w+ly\s+)?")
_PASSIVE_END = re.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+|not\s+|also\s+)*$", re.IGNORECASE)
# A reporting verb in a concessive clause inside the sentence ("Mr. Birdsall, while he repeatedly said…,
# obviously would like…") is not the sentence's main verb.
_CONCESSIVE = re.compile(r"(?:^\W*|,\s*)(?:while|although|though|whereas|even though)\s+[^,;:]*$", re.IGNORECASE)
# "…as to whether or not he believes the documents should be released": an embedded question, nothing asserted.
_PAIR_JOINED = re.compile(r"\s*,?\s+(?:and|AND)\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,3}|/")     # "Ambassador Bowles and Dr. Mason", "FREYMOND/NAVILLE"
_BOTH_SAY = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:Both|BOTH)\s+(?:of\s+them\s+|men\s+)?(?:(?:also|then|had|have)\s+)?"
                       r"(agree|agreed|agrees|felt|feel|thought|think|believe|believed|believes|said|say|says|stressed|emphasized|"
                       r"recommended|recommend|urged|expressed|considered|consider|indicated|commented|noted|maintained|want|wanted|"
                       r"AGREED|SAID|BELIEVE|INDICATED|STRESSED|EXPRESSED)\b")
_THEY_AGREED = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:They\s+(?:both\s+|all\s+)?|Both\s+)(?:agreed|concurred|concluded)\b")   # session 30: "Both agreed…"
_EMBEDDED_QUESTION = re.compile(r"\bwhether\s+(?:or\s+not\s+)?(?:[\w’']+\s+){1,3}$"
                                # session 36: "We will know better then how he plans to proceed…" (frus1964-68v34 d152)
                                r"|\b(?:know|knows|knew|known|knowing|see|learn|learning|find\s+out|finding\s+out|wonder|wondering|"
                                r"understand|determine|ascertain|ascertaining)\b"
                                r"(?:\s+\w+){0,3}?\s+(?:how|what|why|when|where|if)\s+(?:[\w’']+\s+){1,5}$", re.IGNORECASE)
# Session 47: nor does one in a question after a preposition ("one can speculate endlessly on why Dobrynin wants to see
# you", "guesses about what he wants to talk about:", frus1969-76v12 d84), unless it characterises: "over what he regards
# as a mounting threat", "about what he said are deteriorating relations" stay his.
_QUESTION_AFTER = re.compile(r"\b(?:on|about|as\s+to|over|regarding)\s+(?:why|what|whether|how)\s+(?:[\w’'.-]+\s+){1,4}$", re.IGNORECASE)
_CHARACTERIZES = re.compile(r"(?:regard|consider|view|call|describ|term|see)\w*\b|\w+\s+(?:as|is|are|was|were)\b", re.IGNORECASE)
# Session 27: a verb in a condition or an object's relative clause asserts nothing: "If Thanat prefers, we would…", "As
# soon as General Abrams reports…, Sullivan will…", "The problem which Mr. Dulles wishes to discuss is being studied…".
# Session 37: nor one in "insofar as X is concerned", a topic ("Certainly insofar as his attitude toward … CINCSPECOMME is
# concerned, it could not be more cooperative", frus1958-60v11 d274), nor one in "as X had asked" in the middle of a sentence
# ("He specifically refused to make any proposals … as Smith had asked at 11th meeting, and added…", frus1964-68v29p1 d299),
# nor one in "as much as X wants" ("…may not be as much as Shah wants, but it very large…", frus1964-68v22 d154).
_TITLE_WORD = re.compile(r"\b(?:Shah|King|Queen|Emperor|President|Prime\s+Minister|Premier|Chancellor|Foreign\s+Minister|"
                         r"Ambassador|Under\s?[Ss]ecretary)\b")     # session 38: "…attention of French Ambassador…. He said…"
_NATION_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+\s+)\Z")     # "French Ambassador"
_TEXT_RELAYED = re.compile(r"\btext\s+of\b", re.IGNORECASE)
# Session 37: "…, and Aram himself has in past commented on his concern…" (frus1964-68v22 d154, in the Secretary's
# account): what someone has said before, told in the speaker's clause, does not make him the one who goes on.
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:[\w’']+\s+){0,3}$")
_NOT_ASSERTED = re.compile(r"^\W*As\s+(?:[\w.’']+\s+){1,3}(?:had\s+|has\s+|have\s+)?(?:(?:also|already|just|rightly|correctly)\s+)?$|\b(?:in\s*so\s*|so\s+|as\s+)far\s+as\s[^,;:.]{1,80}$|(?<=\s)as\s+(?:[\w.’']+\s+){1,3}(?:had|has|have)\s+$|\b(?:if|unless|as\s+(?:soon|much|many|long|little)\s+as|until|in\s+case|(?<!during\s)(?<!course\sof\s)(?<!after\s)(?<!at\s)which|whom|anything|everything|nothing|not\s+that)\s+(?:[\w’'.]+\s+){1,4}$"
                           r"|\b(?:anything|everything|nothing|something)\s+$", re.IGNORECASE)
# Session 38: a verb in the present after "after", "before", "once", "when" speaks of what has not happened ("You may
# inform GOS … after Rabat confirms that it has been made.", frus1969-76ve09p1 d91).
_NOT_YET = re.compile(r"\b(?:after|before|once(?!\s+(?:again|more)\b)|when|whenever)\s+(?:[\w’'.]+\s+){1,4}$", re.IGNORECASE)
# Session 29: a verb in a clause that "that" opens, whose subject is named ("it should be noted that … the JCS proposes…",
# "The impression that President Nasser felt…"): what the writer's main clause says of it, which does not run on; not
# after a verb of hearing ("You may recall that Macmillan urged…", "I was told that…": the subject's report).
_THAT_CLAUSE = re.compile(r"(?<!recall\s)(?<!remember\s)(?<!know\s)(?<!aware\s)(?<!informed\s)(?<!told\s)(?<!learned\s)(?<!heard\s)\bthat\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}(?:(?:\w+ly|has|have|had|also|still)\s+)*$")
_BODY_OPENS = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:[A-Z][a-z]+ly|However|Moreover|Also|Then),?\s+)?(?:[Tt]he\s+)?")
_WE_AGREED = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:Finally|Then|At\s+the\s+end),?\s+)?[Ww]e\s+(?:both\s+|all\s+|then\s+)?agreed\b")
_THEY_OPENS = re.compile(r"[\s“\"(—–-]*They\s")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my)\b")
# Session 30: a passive that names who spoke ("We have just been informed by Mr. Ross (USUN) that…").
_BY_WHOM = re.compile(r"(?:informed|told|advised|assured|reminded|warned)\s+by\s")
# Session 53: a source phrase naming a record, whose "of …" is what the record is of, not who speaks: "According to the
# record of the Secretary's staff meeting for May 8, Talbot reported that…" (frus1961-63v17 d41), "According to the
# President's Daily Diary, the President met…"; "a memorandum of that conversation by John Eisenhower" names its writer.
_RECORD_OF = re.compile(r"(?:the|a|an)\s+(?:(?:official|brief|unsigned|undated|verbatim|summary)\s+)?(?:record|minutes|"
                        r"notes|summary|transcript|account|memorandum|memcon|log|chronology)\s+of\b|"
                        r"(?:the\s+)?(?:President['’]s\s+)?Daily\s+Diary\b", re.IGNORECASE)
_BY_OR_FROM = re.compile(r"\b(?:by|from)\s+")
# A country named alone in a source phrase: "According to British, …", "As GOA sees it", "informed by the Canadians that".
_ALONE_SOURCE = re.compile(r"[\s(\[“\"—–\d.)-]*(?:according|as\s|(?:been\s+)?(?:informed|told|advised|assured|reminded|warned)\s+by\b)", re.IGNORECASE)
# Session 29: a country's envoy in a source phrase names the country ("…learned from the French Charge in New York of…").
_ENVOY = re.compile(r"\s+(?:Charg[eé](?:\s+d['’]Affaires)?|Ambassador|Minister|Embassy|delegate|delegation|representative|spokesman)\b", re.IGNORECASE)
# Session 29: "His reply was that…", "Their reason is that…": a view or an answer named by a possessive pronoun.
_POSSESSED_VIEW = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?P<pro>His|Her|Their)\s+(?:\w+\s+)?(?:reply|answer|response|"
                             r"reaction|view|position|reason|theme|point|comment|impression|feeling|conclusion|argument|"
                             r"explanation|attitude)\s+(?:was|is|were|are)\s+(?=that\b|to\b|this\b|:|“|\")")
# Session 47: "Wilson's argument is that…", "UK position appears to be that…", "Icelanders position is that…" (round 15):
# the view of the one named at the sentence's opening.
_VIEW_HOLDER_OPENS = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:The\s+|THE\s+)?")
_NAMED_VIEW = re.compile(r"(?P<own>['’]s?)?\s+(?:\w+\s+)?(?:position|view|argument|reply|answer|attitude|reaction|conclusion|"
                         r"feeling|reasoning|thesis|contention)\s+(?:is|was|appears?\s+to\s+be|seems?\s+to\s+be|remains)\s+(?:that\b|:)")
# Session 36: "In his view both should be taken care of." (frus1969-76ve05p1 d235, Mobutu's), as "His view was that…"
_IN_HIS_VIEW = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:In|in)\s+(?P<pro>his|her|their)\s+(?:own\s+)?(?:view|opinion|"
                          r"judgment|judgement|estimation|estimate|assessment)\b")
# What closes a cable after its signature: "[signed]"; session 32: a classification marking or an end marker alone on its
# line ("…BONN MAY ALSO DISCUSS IN BONN GROUP. KISSINGER / SECRET / << END OF DOCUMENT >>", frus1969-76ve15p1 d91);
# session 33: the communications center's note on how the cable went on ("ROBINSON / NOTE BY OC/T: POUCHED BEIRUT AND
# BAGHDAD.", frus1969-76ve14p1 d48), and the copies' list ("Henry A. Kissinger / cc: Chairman, Joint Chiefs of Staff").
_TRAILER = re.compile(r"\s*(?:\[?signed\]?|(?:TOP\s+)?SECRET|CONFIDENTIAL|UNCLASSIFIED|LIMITED\s+OFFICIAL\s+USE|NNNN|"
                      r"(?:<<|&lt;&lt;)?\s*END\s+OF\s+DOCUMENT\s*(?:>>|&gt;&gt;)?|NOTE\s+BY\s+OC/?T\b[^\n]*|END|BT|YY|\#\d+|(?:END\s+)?GP[-.\s]*\d\.?|GDS\b[^\n]{0,20}|c\.?c\.?\s*:[\s\S]*)\s*", re.IGNORECASE)


# Session 52: the office printed under a signature ("Jerauld Wright / Ambassador", frus1964-68v30 d82; "Arthur Radford /
# Chairman"), which had been read as the signature, a node named "Ambassador".
_SIGNERS_OFFICE = re.compile(r"\s*(?:American\s+)?(?:Ambassador|Chargé\s+d[’']Affaires(?:\s+ad\s+interim)?|Charge\s+d[’']Affaires|"
                             r"Chargé|Minister|Counselor(?:\s+of\s+Embassy)?|Consul(?:\s+General)?|Acting\s+Secretary(?:\s+of\s+State)?|"
                             r"Secretary\s+of\s+State|Chairman|Director|High\s+Commissioner)\.?\s*")


def _before_trailer(text: str, block: Block) -> tuple[int, int]:
    """The block without the trailer lines that mixed case joined to it ("…AND REFTELS. KISSINGER / NOTE BY OCT: …")."""
    end = block.end
    while (cut := text.rfind("\n", block.start, end)) > block.start and _TRAILER.fullmatch(text, cut, end):
        end = cut
    return block.start, end


# Session 32: an enclosure's marker, the FROM line of the attached memorandum, and the cover's "prepared … by" naming
# its author (frus1969-76ve05p2 d145: "Enclosed for your information is a memorandum prepared for the Acting Secretary
# by the Bureau of African Affairs.").
_LEAD_COLON = re.compile(r":(?!\d)")
_ATTACHMENT = re.compile(r"\s*(?:Enclosures?|Attachments?)\s*:?\s*")
_BODY_NAME = re.compile(r"(?:Bureau|Office|Division|Staff|Department|Board|Committee|Council|Agency)(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w-]*)*")
_FROM_LABEL = re.compile(r"\s*FROM\s*:?\s*")
_PREPARED_BY = re.compile(r"\b(?:memorandum|paper|report|study|analysis|assessment)\s+(?:\w+\s+){0,6}?(?:prepared|written|drafted)"
                          r"\s+(?:\w+\s+){0,5}?by\s+(?:the\s+)?", re.IGNORECASE)
# Session 32: an item that goes on the sentence before it, which ended on a colon or a semicolon: it opens in lower case.
_ITEM_GOES_ON = re.compile(r"[\s—–•*-]*(?:and\s+|or\s+)?[a-z]")
# Session 29: names joined into one subject ("Secretaries Rogers and Laird").
_JOINED = re.compile(r"\s*(?:,\s*|,?\s+and\s+|\s*&\s*)(?:the\s+)?")
# Session 29: verbs the sentence's claimant does not assert: the writer's inference ("Nasser seems to have concluded…",
# "He has probably realized…"), an aside ("…if, as Secretary Rusk has twice indicated, we…") and an object's relative
# clause without "that" ("…the Secretary's thoughts or the role he thinks we should be playing…")
_INFERRED = re.compile(r"\b(?:(?:seems?|seemed|appears?|appeared)\s+to\s+have|probably|presumably)\s+$|,\s*as\s+(?:[\w’'.]+\s+){1,4}$"
                       r"|\b(?:the|any|every|whatever)\s+[a-z]+\s+(?:he|she|they)\s+$")
# Session 29: a wish or a view the writer reads in someone ("Sato clearly intends to proceed…", "Sato clearly wishes to be of
# assistance."): the writer's judgment, where "He clearly stated…" is still his words.
_WRITER_SEES = re.compile(r"\b(?:clearly|obviously|evidently|apparently)\s+$")
_THIRD_PARTY_PROPOSAL = re.compile(r"(?:recommends?|proposes?|suggests?|urges?) that\b", re.IGNORECASE)
# What joins a second clause with its own speaker: "The Pres. asked if…, and the Sec. said no."
# Session 36: not a name joined to a pronoun ("…that he and Kishi both realized…", frus1958-60v18 d44: Kishi had become the one
# "He also wished…" stood for)
_NEXT_CLAUSE = re.compile(r"(?<!\bhe)(?<!\bHe)(?<!\bshe)(?<!\bI)(?<!\bwe)(?<!\bWe)(?<!\bhim)"
                          r"(?:,\s*|;\s*|\s+)(?:and|but)\s+(?=(?:[Tt]he\s+)?[A-Z])")
# "The President has asked me to stop in Saigon … for:": the list after it is the writer's errand.
_ASKED_WRITER = re.compile(r"\b(?:asked|instructed|directed|requested|told)\s+(?:me|us)\s+to\b")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while)\b|\b(?:who|which|that|and|but|I|we|he|she|they)\s")
# A sentence that opens with a subordinate clause: its main verb comes after the clause's comma.
_PRONOUN_OPENS = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:He|She)\s")
_OFFICE_POSITION = re.compile(
    r"[\s“\"(—–-]*(?:Our|The)\s+(?P<office>(?:[A-Z][\w.-]*\s+){0,3}(?:Bureau|Delegation|Mission|Division|Desk|"
    # round 9: "Our Minister at Kabul is of the opinion that…" (an official named by office, round 7's decision)
    r"(?P<official>Minister|Ambassador|Consul General|Consul|Chargé|Chargé d’Affaires|Minister-Counselor))s?)"
    r"(?P<where>\s+(?:in|at|to)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s+(?:is|are|was|were)\s+(?:\w+ly\s+(?:and\s+\w+ly\s+)?)?"
    r"(?P<cue>in\s+favou?r\s+of|opposed\s+to|of\s+(?:the\s+)?(?:opinion|view|belief)\b)")
_POSSESSIVE_AT = re.compile(r"['’]s?\s")
_READ_IN_HIM = re.compile(r"(?:clearly|obviously|evidently)\s+(?:intends|wishes|wants|hopes|prefers|would\s+like)\b")
_OPENING_NAME = re.compile(r"[\s“\"(—–-]*(?:[Tt]he\s+)?([A-Z][\w.]*)\s+(?=[a-z])")
_SUBJECT_LEAD = re.compile(r"[\s“\"(—–-]*(?:[A-Z][a-z]+ly,?\s+)?(?:[Hh]e|[Ss]he)\s*:[\s*_]*")
# Round 9: a government's note summarised by the writer ("The note states the concern of the Netherlands
# Government…", "the Dutch note states that…", "The Soviet aide-mémoire expresses…"): the note speaks for the
# government that sent it, named in the subject or in the sentence that first mentions the note.
_NOTE_SPEAKS = re.compile(
    r"(?:^|,\s+)(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?P<adj>(?:[A-Z][\w.’'-]*\s+){0,3})"
    r"(?P<noun>note|notes|aide-m[ée]moire|m[ée]moire|diplomatic note|reply note|communication|message|letter|version|"
    r"draft|counterproposal|counter-proposal)\s+"
    r"(?:also\s+|further\s+|then\s+|further\s+)?(?P<verb>states|stated|says|said|declares|declared|requests|requested|"
    r"asserts|asserted|expresses|expressed|points out|pointed out|maintains|maintained|argues|argued|proposes|"
    r"proposed|suggests|suggested|claims|claimed|contends|contended|protests|protested|charges|charged|insists|"
    r"insisted|asks|asked|urges|urged|emphasizes|emphasized|stresses|stressed|notes|noted|accepts|accepted|calls\s+for|"
    r"called\s+for|provides|provided)\b")
_TEXT_NOUNS = frozenset({"version", "draft", "counterproposal", "counter-proposal"})
_NOTE_WORD = re.compile(r"\b(?:note|aide-m[ée]moire)\b")
# Round 9: "a personal message from Kosygin", "the letter from the Shah": who sent the message the writer summarises.
_MESSAGE_FROM = re.compile(r"\b(?:message|letter)\s+(?:to\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,3})?(?:(?!translated\b)\w+\s+){0,2}?from\s+(?:the\s+)?(?=[A-Z])")
# "the Netherlands Government", "the Soviet Government", "the Government of India" in a source phrase.
_GOVERNMENT_WHO = re.compile(r"(?:the\s+)?(?:(?:[A-Z][\w.’'-]*\s+){1,3}(?:Government|Govt\.?|Foreign Office|Foreign Ministry)|"
                             r"(?:Government|Govt\.?) of (?:the\s+)?(?:[A-Z][\w.’'-]*\s*){1,3})\s*")
# Round 9: the writing post as the subject in its own telegram ("Embassy officer pointed out to Ileo…", "Embassy,
# however, is of opinion…", "The Embassy believes…"): the writer speaking of itself in the third person.
_OWN_POST_OPENS = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:However|Meanwhile|Accordingly|Nevertheless),?\s+)?(?:(?:[Tt]he|[Tt]his|[Oo]ur)\s+)?"
                             r"(?P<post>Embassy|Legation|Consulate(?:\s+General)?|Mission|Delegation)"
                             r"(?:\s+(?:officers?|officials?|staff|representatives?|officer’s|officer's))?(?=[\s,])(?!\s+(?:in|at|of|to)\s)"
                             r"(?!\s+(?!Officers?\b|Officials?\b|Staff\b)[A-Z][a-z])")     # session 37: not "Embassy Peiping was asked…"
# Session 37: the chief of a post writing in the headings of the 1940s and 1950s ("The Chargé in India (Donovan) to the
# Secretary of State", "The Consul General at Batavia (Livengood) to…"): his post is the one that says "Embassy sees…".
_HEADING_CHIEF_OF_POST = re.compile(r"^(?:No\.\s+\d+\s+|\d+\.\s+)?The\s+(?:Acting\s+)?(?P<chief>Ambassador|Charg[eé](?:\s+d['’]Affaires)?(?:\s+ad\s+interim)?|"
                                    r"Minister|Consul\s+General|Consul)\s+(?:in|at)\s")
_POST_OF_CHIEF = {"Ambassador": "Embassy", "Minister": "Legation", "Consul": "Consulate"}


def _post_kind(heading: str) -> str:
    """The first word of the post the heading sends the telegram from ("Embassy"), or ""."""
    m = _HEADING_FROM_POST.search(heading)
    if m is not None:
        return m.group("post").split()[0]
    chief = _HEADING_CHIEF_OF_POST.match(heading)
    return _POST_OF_CHIEF.get(chief.group("chief").split()[0], "Embassy") if chief else ""


# Session 45: a post named without its place, opening a sentence ("Our Embassy also reports…", "The Embassy, in
# addition, states…").
_POST_ALONE_OPENS = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:Also|However|Meanwhile|In\s+addition),?\s+)?(?:[Tt]he|[Oo]ur)\s+"
                               r"(?P<post>Embassy|Legation|Consulate(?:\s+General)?|Mission|Delegation)"
                               r"(?:\s*,[^,]{1,40},)?\s+(?:(?:\w+ly|also|now|further|again|has|have|had)\s+)*")

_A_POST = re.compile(r"(?:Embassy|Legation|Consulate|Mission|Delegation)\b")


def _writer_at_post(heading: str, kind: str) -> bool:
    """Whether the heading sends the document from a post of this kind, or from one of its officers ("The Counselor of
    the Embassy in Japan (Bond) to…"): then the post is the writer speaking of itself."""
    sender = re.split(r"\s+to\s+(?=the\s|[A-Z])", heading, maxsplit=1)[0]
    return kind.split()[0] in sender or _post_kind(heading) == kind.split()[0]


_HEADING_FROM_POST = re.compile(r"\bFrom\s+the\s+(?:American\s+|U\.S\.\s+|United\s+States\s+)?(?P<post>Embassy|Legation|Consulate(?:\s+General)?|Mission|Delegation)\b")
# "Dobrynin 1½ hours ago who said…": a relative clause of speech after a person named (up to a short adverbial).
_WHO_SAID = re.compile(r"[^.;:,()]{0,30}?\s+who\s+(?:\w+ly\s+|also\s+|then\s+)?(?=\w)")
# "The President thinks so too.": a reporting verb without content; nothing of the speaker's runs on after it.
_SO_TOO = re.compile(r"\s+so(?:\s+too|\s+also|\s+as\s+well)?\s*[.!]?$")
# Round 9: "It is a message about the Middle East; its major points are: the Israelis have resumed…": the points of
# a message the speaker summarises are its sender's; "The message is somewhat moderate…" judges it, in the
# speaker's own voice.
_MESSAGE_POINTS = re.compile(r"\b(?:its|the\s+(?:message|letter)[’']s)\s+(?:major\s+|main\s+|principal\s+|key\s+)?points\s+(?:are|were)\b")
_MESSAGE_JUDGED = re.compile(r"[\s“\"(—–-]*(?:The|This|That|His|Their)\s+(?:\w+\s+)?(?:message|letter|note|reply)\s+(?:is|was|seems|seemed|sounds|sounded)\b")
# Round 9: telegraphese with the writer's "I" left out ("Believe commission should be more broadly representative…",
# "Suggest 17 member commission…"): the writer's own view, which ends another's report running on.
# Session 31: also "Require ASAP specific Country Team recommendations…" (an acronym may follow the verb).
_WRITER_TELEGRAPHESE = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:Also\s+|Therefore\s+|However,?\s+|Nevertheless,?\s+)?"
                                  r"(?:Believe|Suggest|Recommend|Feel|Think|Hope|Doubt|Assume|Expect|Propose|Trust|Fear|Understand|"
                                  r"Presume|Consider|Agree|Concur|Share|Regret|Require|Request|Desire)\s+(?![A-Z][a-z])")
_WRITER_SURMISES = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:Presumably|Perhaps|Doubtless|Undoubtedly)\b")
_NAME_OR_TITLE = re.compile(r"(?:the\s+)?[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+){0,3}")     # session 30: "Minister of National Defense"
# Round 9: an initial as the subject of a verb ("L said…", "M said here yesterday") and standing alone elsewhere.
_INITIAL_SPEAKS = re.compile(r"(?<![\w.’'-])([B-HJ-Z])\.?\s+(?:said|says|thinks|thought|asked|agreed|replied|added|stated|feels|felt|wondered|will|would|"
                             r"does|did|wants|wanted|called|told|is|was|has|had)\b")
_LONE_INITIAL = re.compile(r"(?<![\w.’'-])([B-HJ-Z])(?![\w.’'-])")
# The words every source phrase of the cues holds ("In FonOff view", "according to", "assurances from"): a sentence
# without any is not tried against each phrase.
def _source_hint(t: str) -> bool:
    low = t.lower()
    return ("view" in low or "contention" in low or "appears to" in low or "seems to" in low or "sees it" in low or "saw it" in low or "understands it" in low or "opinion" in low or "judg" in low or "estimate" in low or "assessment" in low or "according" in low
            or "position" in low or "standpoint" in low or "assurance" in low or "word from" in low or "indication" in low
            or "confirmation" in low or "belief" in low or "impression" in low or "reply was" in low or "answer was" in low or "was that" in low
            or "response was" in low or "reaction was" in low or "argument was" in low or "points made by" in low
            or " from " in low and ("learn" in low or "heard" in low
            or "told" in low or "informed" in low) or " by " in low and _BY_WHOM.search(low) is not None or bool(_PAPER_FROM.search(low)))


# Session 38: "Secretary Rogers issued today following press release:": the text that follows is the issuer's.
_ISSUED_FOLLOWING = re.compile(r"\s+(?:(?:today|yesterday|this\s+morning|this\s+afternoon)\s+)?(?:issued|made|released|delivered|read)\s+"
                               r"(?:(?:today|yesterday|the)\s+)?following\s+(?:press\s+release|statement|remarks)\b")
# Session 40: "…of President Neto’s message as translated from the French…:", "FonSec Desai's letter to me:"
_WHOSE_TEXT = re.compile(r"[’']s\s+(?:(?:personal|oral|written|latest|new|reply|official)\s+)?(?:message|letter|note|reply|response|statement)\b")
# Session 41: "…following is text of copy of letter given me by President Ayub:" (frus1961-63v19 d6)
_GIVEN_BY = re.compile(r"\b(?:letter|message|note|memorandum|text|statement|reply|LETTER|MESSAGE|NOTE|TEXT)\b[^.:;]{0,40}?"
                       r"\b(?:given|handed|sent|written|signed|addressed|GIVEN|HANDED|SENT)\s+(?:to\s+(?:me|us|ME|US|[^.:;]{1,40}?)\s+)?(?:(?:me|us|ME|US)\s+)?"
                       r"(?:by|BY)\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,3}\Z")
_CLOSE_ONLY = re.compile(r"\s*(?:(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\.?\s+)?"
                         r"(?:Unquote|UNQUOTE|End\s+(?:[Vv]erbatim\s+)?[Tt]ext|END\s+(?:VERBATIM\s+)?TEXT)\.?\s*")
_FROM_PRESIDENT = re.compile(r"\b(?:message|letter|following|MESSAGE|LETTER|FOLLOWING)\s+(?:\w+\s+){0,3}?(?:from|FROM)\s+(?:the\s+|THE\s+)?(?:President|PRESIDENT)\b(?!\s+[A-Z])")
_SAID_THAT_BEFORE = re.compile(r"\b(?:said|stated|added|noted|replied|explained|indicated|emphasized|stressed|pointed\s+out|"
                               r"observed|remarked|commented|declared|asserted|argued|insisted|continued|SAID|STATED)\s+(?:that\s+|THAT\s+)?$")
_BACKSHIFT = re.compile(r"\b(?:had|HAD)\s+(?:(?:not|NOT|already|ALREADY|never|NEVER|also|ALSO)\s+)?(?:[a-z]+ed|[A-Z]+ED|[a-z]+en|[A-Z]+EN|"
                        r"(?i:been|fought|made|said|told|thought|felt|come|gone|done|seen|known|taken|given|brought|kept|"
                        r"left|lost|met|paid|put|sent|sold|spent|stood|understood|won|held|heard|found|got|become|begun|"
                        r"chosen|drawn|grown|shown|sought|taught|built|meant|led|laid|struck|run|set))\b"
                        r"|\b(?:would|could|might|WOULD|COULD|MIGHT)\b")
_FIRST_PERSON_ANY = re.compile(r"\b(?:I|we|We|WE|us|US(?=\s+(?:to|that|with|and)\b)|our|Our|OUR|my|My|MY|me|ME)\b")
# Session 40: the writer's own judgment opening the sentence ("We conclude from three separate conversations with RTA
# Chief of Staff… that Thanom wanted more helicopters", frus1969-76v20 d167)
_WRITER_JUDGES = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:And|But|So|However|Thus|Hence),?\s+)?(?:We|I|WE)\s+(?:\w+ly\s+|also\s+|now\s+)?"
                            r"(?i:conclude|concluded|believe|think|understand|gather|feel|consider|assume|suspect|doubt|suppose|"
                            r"judge|infer|estimate|expect|are\s+convinced|are\s+satisfied|am\s+convinced|am\s+satisfied)\b")
_PAPER_FROM = re.compile(r"\b(?:cable|telegram|letter|message|memorandum|report)\s+from\b")

_LABEL_ALONE = re.compile(r"\[?[A-Z][\w.’' -]{0,40}:\]?")
# Session 39: "When Senator George saw Chancellor Adenauer in Bonn on September 28, he said…" (frus1955-57v04 d37): the
# subject of the clause before "he"; not after a question put ("When I asked Diem…, he said…")
_WHEN_BEFORE_PRONOUN = re.compile(r"[\s“\"(—–-]*(?P<conj>When|After|As|Since|While|Once|Before|Until)\s+[^,;]{3,160},\s*")
_ASKING = re.compile(r"\b(?:asked|queried|pressed|questioned|told|informed|urged|inquired|raised)\b")
_CLAUSE_BEFORE_PRONOUN = re.compile(r"(?:[,;]|\b(?:and|but|however|so|although|though))\s+\Z")
_HE_WORD = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b")
_I_WORD = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e)\b")
_SHE_BEFORE = re.compile(r"(?<![\w’'-])[Ss]he(?:,\s+\w+,)?\s+(?:\w+(?:,\s+\w+,)?\s+){0,2}\Z")
_WOMAN_BEFORE = re.compile(r"\b(?:Mrs|Miss|Ms|Madame|Mme|Mlle|Lady|Queen|Princess)\.?\s+\Z")
_WOMAN_TITLED = re.compile(r"(?:Queen|Princess|Empress|Lady|Madame|Mrs\.?|Miss)\b")     # session 47: the mention "Queen"
_WOMAN_NAMED = re.compile(r"\b(?:Mrs|Miss|Ms|Madame|Mme|Mlle)\.?\s+(?P<name>[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)?)")
_THEY_BEFORE = re.compile(r"(?<![\w’'-])[Tt]hey(?:,\s+\w+,)?\s+(?:\w+(?:,\s+\w+,)?\s+){0,2}\Z")
_HE_BEFORE = re.compile(r"(?<![\w’'-])(?:[Hh]e|[Ss]he)(?:,\s+\w+,)?\s+(?:\w+(?:,\s+\w+,)?\s+){0,2}\Z")
# Round 10: "2. Quote: There have been a number of comments… Unquote.", "Begin text: … End text."
_QUOTE_OPEN = re.compile(r"(?:\(?\d{1,3}[.)]\s+)?(?:Quote|QUOTE|QTE|Qte|Begin\s+(?:[Vv]erbatim\s+)?[Tt]ext|BEGIN\s+(?:VERBATIM\s+)?TEXT)\s*[:.]?"
                         r"(?:\s+(?=\S)|\s*\Z)")     # round 12: "Begin verbatim text:" on a line of its own
# Session 40: a lead-in that announces the text ("…the following memo.", "Text is as follows:", "Herewith (1) our
# translation of letter from Adenauer…:")
# Session 47: "…handed me by Acting Foreign Minister Semenov at 12:15 today.Begin text:" closing the lead-in's paragraph
_QUOTE_OPENS_AFTER = re.compile(r"(?:Begin|BEGIN)\s+(?:[Vv]erbatim\s+|VERBATIM\s+)?(?:[Tt]ext|TEXT)\s*[:.]?\s*\Z")
_ANNOUNCES_TEXT = re.compile(r"\b(?:following|FOLLOWING|follows|FOLLOWS|Herewith|HEREWITH)\b|:\s*\Z")
_QUOTE_CLOSE = re.compile(r"\s*(?:Unquote|UNQUOTE|UNQTE|Unqte|End\s+(?:[Vv]erbatim\s+)?[Tt]ext|END\s+(?:VERBATIM\s+)?TEXT)\.?\s*\Z")
# Session 28: also after a lettered item ("(C) US does not ask…") or an opening adverb ("Moreover, US determined…"), in
# capitals, and "committed", "continues".
_US_HOLDS = re.compile(r"[\s“\"(—–-]*(?:\(?(?:\d{1,3}|[A-Ha-h])[.)]\s+)?(?:(?:Moreover|However|Furthermore|Nevertheless|Also|Finally|"
                       r"In\s+addition|MOREOVER|HOWEVER|FURTHERMORE|ALSO),?\s+)?(?:The\s+|THE\s+)?(?P<us>U\.\s?S\.|US|USG|United\s+States|UNITED\s+STATES)"
                       r"(?:\s+(?:Government|Govt\.?|GOVERNMENT|GOVT\.?))?\s+"
                       r"(?i:(?:(?:\w+ly|also|still|therefore|itself)\s+)*(?:committed|continues|is|are|cannot|can\s?not|will|would|does|do|must|has|have|"
                       r"believes|considers|hopes|feels|wishes|prefers|supports|opposes|regrets|welcomes|expects|"
                       r"intends|wants|sees|rejects|insists|"
                       # round 12: telegraphese without a copula ("USG encouraged by evidence…", "USG deeply concerned
                       # over…", "USG therefore particularly desires avoid…")
                       r"desires|shares|agrees|appreciates|recognizes|understands|concerned|encouraged|disturbed|"
                       r"pleased|prepared|willing|ready|unable|reluctant|determined|gratified|disappointed|convinced|anxious))\b")
_PARAGRAPH_NUMBER = re.compile(r"\(?\d{1,3}[.)]\s+")
_FROM_DEPARTMENT = re.compile(r"\bFrom the (?:Department of State|Secretary of State|Acting Secretary of State)\b")
# Session 28: a paper sent by an official of the Department of State or of Defense ("Memorandum by the Secretary of State to
# President Truman", "…From the Executive Secretary of the Department of State (Battle) to…", "Memorandum From Secretary of
# Defense McNamara to…"), in which "The Department further believes…" is the writer speaking of their own department.
_WRITER_OF_DEPARTMENT = re.compile(r"\b(?:From|by)\s+(?:(?!\bto\b)[^()])*?\bof\s+(?:the\s+Department\s+of\s+)?(?P<dept>State|Defense)\b")
_CALL_HEADING = re.compile(r"Telephone|Conversation|Transcript|Call\b|Meeting", re.IGNORECASE)
# Session 39: an act narrated, not words reported ("Nehru read applicable parts of Chinese message and copied for me a
# portion…", frus1955-57v02 d309; "He gasped, sputtered and immediately went out and brought Yi Hu-rak into the meeting.")
_ACT_NARRATED = re.compile(r"[\s“\"(—–-]*(?:\(?\w{1,3}[.)]\s+)?(?:(?:Then|Later|Finally|Thereupon|Afterwards|At\s+this\s+point),?\s+)?"
                           r"(?:He|She|The\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|(?:Mr|Mrs|Dr)\.?\s+[A-Z][\w’'-]+|[A-Z][\w’'-]+)\s+"
                           r"(?:(?:then|also|thereupon|immediately|quickly|first)\s+)?(?:read|handed|showed|brought|copied|produced|"
                           r"drafted|signed|laughed|smiled|nodded|shrugged|gasped|walked|rose|pulled|left\s+(?:the|for)|went\s+(?:out|to|back)|"
                           r"came\s+(?:in|to|back)|took\s+(?:out|me|us)|gave\s+(?:me|us|him|her|them)\s+(?:a\s+|the\s+)?(?:cop|list|text|paper|"
                           r"document|memo|letter|note|aide|map|photo)|proceeded\s+to\s+(?:draft|read|write|sign)|worked\s+out)\b")
# Session 39: a person the speaker addresses in his reported words ("Mr. Gromyko could be sure that…")
_ADDRESSED_MODAL = re.compile(r"\s+(?:could|would|should|must|might|may|can|need)\b")
_SUBORDINATE = re.compile(r"[\s“\"(—–-]*(?:Since|As|While|Although|Though|When|Because|After|Before|If|Once)\b[^,;:]{3,200},")
# Session 39: an opening participle of saying is the main clause's subject speaking ("Saying that he would welcome such a
# final meeting, Dr. Johnson suggested…", frus1961-63v17 d213; "Stating SAG wished find way out this issue he said…")
_PARTICIPLE_OPENS = re.compile(r"[\s“\"(—–-]*(?:Stating|Saying|Noting|Observing|Remarking|Indicating|Explaining|Asserting|"
                               r"Arguing|Adding|Recalling|Commenting|Emphasizing|Stressing|Pointing out|Mentioning|Insisting)\b",
                               re.IGNORECASE)


_MODAL_BEFORE = re.compile(r"\b(?:will|would|may|might|should|could|can|must|shall|to|not|do|does|did|n[’']t|that|if|let)\s+"
                          r"(?:\w+ly\s+|also\s+|still\s+)*\Z", re.IGNORECASE)


# The verb of the sentence's own first clause, not one nested in the writer's ("We do not think that the Soviets intend…").
_CLAUSE_BEFORE = re.compile(r"\b(?:that|which|who|whom|if|whether|because|when|while|since|as|unless|we|I|you|our|my|your|they|"
                            r"us|me)\b", re.IGNORECASE)


_OPENING_WORDS = re.compile(r"[\W\d]*(?:[\w.’'-]+,?\s+){0,3}")


# A name right after a preposition ("call on Robertson", "conversation with the Secretary") is no subject ("by" and
# "from" name the author: "a message from Kosygin makes the following points").
_AFTER_PREPOSITION = re.compile(r"\b(?:on|upon|with|to|for|at|in|before|after)\s+(?:the\s+)?"
                                r"(?:(?:[A-Z][\w.’'-]*)\s+){0,3}\Z")


# Session 20: "from" names the sender of a text passed on ("Following is text of cable from Lodge").
# The writer holds the points: "…, I believe the following points to be of major importance:".
# Session 34: "Suggest you so inform Cordier … and in your discretion make following points as appropriate:" (the
# Department's points, which the addressee is to make)
_ASKS_ADDRESSEE = re.compile(r"\W*(?:(?:[Ww]e|I)\s+)?(?:[Ss]uggest|[Rr]equest|[Aa]sk|[Rr]ecommend|[Ww]ould\s+like|[Ww]ant)\s+(?:that\s+)?you\b")
_WRITER_LEADS = re.compile(r"(?:^|[\s,;])(?:I|[Ww]e)\s+(?:\w+\s+){0,3}?(?:believe|think|consider|make|offer|submit|see|note|would|should|have|want|wish)\b"
                           # session 31: points given to the addressee ("The Secretary may wish to keep the following points in mind…")
                           r"|\b(?:may|might)\s+(?:wish|want|care)\s+to\b"
                           # session 38: the points the addressee is to make ("That you ask the British Ambassador to call and that
                           # you make the following points:", frus1955-57v13 d54)
                           r"|\b(?:[Tt]hat\s+)?you\s+(?:make|draw\s+on|use|convey|stress|emphasize)\b")
_OBJECT_BEFORE = re.compile(r"\b(?:on|upon|with|to|for|at|in|before|after|about|of|by|from|against|toward|towards|than|regards|regarding|concerning)\s+"
                            r"(?:the\s+)?(?:(?:[A-Z][\w.’'-]*)\s+){0,3}\Z", re.IGNORECASE)
# Session 28: the host government's ministry opening a sentence of an embassy's telegram ("Ministry wishes…", "FonOff believes…").
_HOST_BODY_OPENS = re.compile(r"[\s“\"(—–-]*(?:\(?\w{1,3}[.)]\s+)?(?:[Tt]he\s+)?(?:Foreign\s+[Mm]inistry|Ministry(?:\s+of\s+Foreign\s+Affairs)?|"
                              r"MFA|FonOff|Foreign\s+Office|FONOFF|MINISTRY|FOREIGN\s+MINISTRY)\s+(?:\w+ly\s+|also\s+|now\s+)*")
# Session 44: the points the addressee is told to make are the sender's, whatever the lead-in names before them
_ADDRESSEE_TO_MAKE = re.compile(r"\b[Yy]ou\s+(?:\w+ly\s+)?(?:should|will|must|are\s+to|may)\s+(?:\w+ly\s+)?(?:make|use|draw|convey|"
                                r"stress|emphasize|seek|present|put|take|tell|inform|say|point|cover|raise|mention|deliver|pass)\b"
                                r"|\bfor\s+you\s+to\s+(?:see|call\s+on|tell|inform|approach|make|use)\b")
# Session 44: the same in an instruction's telegraphese, with no subject ("…should draw upon following background points")
_TOLD_TO_MAKE = re.compile(r"(?:^|[.;,]\s*|\band\s+)(?:should|must|are\s+to|will)\s+(?:\w+ly\s+)?(?:make|use|draw(?:\s+upon|\s+on)?|"
                           r"convey|stress|emphasize|present|put|take|cover|raise|mention|deliver|pass)\b")
# Session 44: the one whose verb governs the lead-in ("Mr. Rountree made the following points", "Dobrynin made, several
# times over, the following points"), not another person named earlier in it ("In handing Ambassador Eban the note, …")
_MAKES_THE_POINTS = re.compile(r"(?:\s*,[^,;:.]{1,50},)?\s*(?:(?:then|also|again|\w+ly)\s+)?(?:(?:has|had)\s+)?"
                               r"(?:(?:made|gave|makes|gives|offered|presented|outlined|submitted|listed|raised|provided)"
                               r"(?:\s*,[^,;:.]{1,50},)?\s+(?:(?:me|us|him|her|them)\s+)?(?:(?:the|these|some)\s+)?)?")
_LISTED_BETWEEN = re.compile(r"(?=[^;:]{0,90}\Z)(?=.*(?:,|\band\b|\bn?or\b|&|/))(?!.*\b(?:told|tells?|said|says|asked|asks|informed|met|"
                             r"meets?|saw|sees?|called|calls?|with|to|from|by|for|that|who|whom|which|his|her|their|on|at|in|"
                             r"of|than|about)\b).*", re.DOTALL)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?\Z")              # "Lange of Norway made the following points:"
_WRITERS_OWN = re.compile(r"\b(?:[Mm]y|[Oo]ur|MY|OUR)\s+(?:\w+\s+){0,2}\Z")   # "My specific views regarding the JCS proposal are as follows:"
_AFTER_BY = re.compile(r"\b(?:by|from|fr)\s+(?:the\s+)?(?:(?:[A-Z][\w.’'-]*)\s+){0,3}\Z")


_LATTER = re.compile(r"\W*(?:\(?\w{1,3}[.)]\s+)?(?:[Tt]he\s+)?([Ll]atter|[Ff]ormer)\s+(?:(?:\w+ly|also|then|again)\s+)*")
# Session 31: a telegram's or memorandum's own comment ("COMMENT: WHATEVER DIFFERENCES WE MAY HAVE…", "Embassy comment:").
_COMMENT_OPENS = re.compile(r"\W*(?:\(?\w{1,3}[.)]\s+)?(?:[A-Z][\w/]*\s+)?(?:[Cc]omments?|COMMENTS?)\s*:")
# A lead-in whose subject telegraphese leaves out: the one it names after a verb or a preposition is its object.
_TELEGRAPHESE_LEAD = re.compile(r"\W*(?:(?:As\s+(?:a\s+)?result|Then|Thereupon|Subsequently|Later|Also),?\s+)?[A-Z]?[a-z]+ed\s")
_WHOSE_REMARKS = re.compile(r"\b(?:[Tt]he\s+)?(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s?\s+(?:\w+\s+)?"
                            r"(?:remarks|statement|comments|views|words|account|presentation|reply|response)\b")
_HE_GOES_ON = re.compile(r"\b(?:so|and|but|then|whereupon)\s+(?:he|she)\s+(?:\w+\s+)?(?:continued|went\s+on|added|resumed|"
                         r"proceeded)\b[^.]*\.\s*$")
# A sentence whose subject is a thing handed over or spoken of ("It largely rejected proposals…"), which names no speaker.
_THING_OPENS = re.compile(r"[\s“\"(]*(?:It|This|That|These)\s+(?:\w+ly\s+)?(?!is\b|was\b|has\b|had\b)[a-z]+ed\b")
_TITLE_AT_VERB = re.compile(r"(?:(?P<before>[a-z]+)|[,;]|\))\s+(?:the\s+)?(?P<title>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*)\s+"
                            r"(?:(?:\w+ly|also|then|again|further|today|yesterday)\s+)*\Z")
_NOT_BEFORE_SUBJECT = frozenset("to with of for by from on at in about into upon told asked informed and or than whom whether if "
                                "that saw met called thanked assured reminded urged".split())
_PLUPERFECT_BEFORE = re.compile(r"\bhad\s+(?:(?:\w+ly|also|already|just|earlier)\s+)?\Z")
_ADDRESSEE_INSTRUCTED = re.compile(r"[\s“\"(—–-]*(?:\(?\w{1,3}[.)]\s+)?(?:(?:In\s+[^,]{1,60},|However,?|Also,?)\s+)?(?:You|Posts?|"
                                   r"Addressees?|Action\s+addressees?|Embassy|Embassies|Mission|Missions|Ambassador)\s+"
                                   r"(?:\w+ly\s+)?(?:should|must|may\s+wish|are\s+(?:requested|instructed|authorized)|will\s+wish)\b",
                                   re.IGNORECASE)
# Session 37: a post named by its city in the Department's instruction ("Jerusalem should inform Burns urgently of foregoing and
# say US Government considers situation explosive.", frus1955-57v14 d68).
_POST_BY_CITY_INSTRUCTED = re.compile(r"[\s“\"(—–-]*(?:\(?\w{1,3}[.)]\s+)?(?:[A-Z][a-z]+\s+){1,2}should\s+(?:\w+ly\s+)?(?:inform|tell|say|advise|"
                                      r"reaffirm|emphasize|point\s+out|make\s+clear|approach|convey|express|stress|explain|urge)\b")
# Session 37: a sentence about the document itself ("The purpose of this memorandum is…", frus1969-76ve05p1 d228) is its
# writer's, whoever was heard before it.
_THIS_DOCUMENT = re.compile(r"\b(?:[Tt]his|[Tt]he\s+present)\s+(?:memorandum|telegram|cable|paper|letter|message)\b")
# Session 37: "General Westmoreland is carrying letter from President Nixon to President Suharto. Text follows."
# (frus1969-76v20 d327): the lead-in names the sender of the letter quoted after it.
_TEXT_FOLLOWS = re.compile(r"\b(?:[Tt]ext|[Mm]essage|[Ll]etter)\s+(?:follows|reads\s+as\s+follows)\.$")
# Session 40: "Deliver letter below from the President to President Marcos. Please brief Bill Bundy…" (frus1964-68v26 d326)
_PRESIDENT_ALONE = re.compile(r"(?:[Tt]he\s+)?President")
_LETTER_BELOW = re.compile(r"\b(?:letter|message|text|note)\s+(?:below|herewith|attached)\s+from\s", re.IGNORECASE)
_NOUN_THAT_OPENS = re.compile(r"[\s“\"(—–-]*(?:The|This|His|Her|Our|My|Their)\s+(?:\w+\s+){1,2}that\s")
_AS_FOLLOWS = re.compile(r"\bas\s+follows\s*:\s*$")
_TALKED_WITH = re.compile(r"\b(?:(?:discussion|conversation|talk|talks|meeting|interview|audience|call)\s+(?:with|on)|"
                          r"I\s+(?:saw|called\s+on|met\s+with|met|talked\s+with|spoke\s+with|discussed\s+\w+\s+with))\s+")
_CONVERSATION_WITH = re.compile(r"(?m)^(?:Subject:\s*)?(?:Conversation|Meeting|Talk)\s+with\s+(?:the\s+)?"
                                r"(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})")


_WITH_HIS_GROUP = re.compile(rf"\s+{AND_HIS_GROUP}\b")


def _held_together(sub: Subject, before: str, s: int) -> bool:
    """Session 19: a verb in the plural ("believe", "desire") reports a view held by a body, a country or people named
    together ("The Jordanians believe…", "Messrs. Bohlen and Rusk think…"), not by one person after a modal or in a
    subjunctive ("Eban will want to report…", "suggest that the Secretary consider…")."""
    if sub.kind != "agent" or _MODAL_BEFORE.search(before) or len(before) > 80 or _CLAUSE_BEFORE.search(before):
        return False
    named = [m.start - s for m in sub.agent.mentions]
    if not named or not _OPENING_WORDS.fullmatch(before[:min(named)]):
        return False         # the subject opens the sentence: "…a statement Wilson and Brucker want to issue" is no view
    return len(sub.agent.iris) > 1 or any(k in ("organization", "country") for k in sub.agent.kinds) \
        or bool(_WITH_HIS_GROUP.match(before, max(m.end for m in sub.agent.mentions) - s))   # session 42


# Session 38: "After brief comments the Prime Minister said that since the US had entered into discussions…, he hoped…":
# the comma closes a clause inside the reported words, not the opening one, whose verb is the main one.
_INNER_CLAUSE = re.compile(r"\bthat\s+(?:since|as|if|when|because|although|though|while|unless|once)\b")


def _participle_clause_end(t: str, matches: list) -> int | None:
    """Where an opening participle of saying ends, when a reporting verb of the main clause follows it."""
    if len(matches) < 2 or not _PARTICIPLE_OPENS.match(t):
        return None
    end = t.find(",") if "," in t else matches[1][0]
    return end if any(x[0] >= end for x in matches) else None


def _main_clause_first(t: str, matches: list) -> list:
    """'Since Winiewicz mentioned…, I said…': try the reporting verbs of the main clause before the subordinate one's."""
    sub = _SUBORDINATE.match(t)
    end = _participle_clause_end(t, matches) if sub is None else None
    if end is not None:
        return [x for x in matches if x[0] >= end] + [x for x in matches if x[0] < end]
    if not sub or _INNER_CLAUSE.search(t, 0, sub.end()):
        return matches
    return [x for x in matches if x[0] >= sub.end()] + [x for x in matches if x[0] < sub.end()]


def _writer_department(heading: str) -> tuple[str, ...]:
    """The department whose official sends the paper, as the IRIs of an agent, or ()."""
    m = _WRITER_OF_DEPARTMENT.search(heading)
    if m is None:
        return ()
    return (_DEPARTMENT_OF_STATE,) if m.group("dept") == "State" else (iris.organization_iri("department-of-defense"),)


@dataclass
class _Decision:
    """A sentence's type and claimant, before it becomes a Claim (agent None: a speaker we cannot name)."""
    claim_type: str
    agent: Agent | None
    cue: str | None
    confidence: float
    why: str
    speaker_mentions: tuple = ()
    then: Agent | None = None        # the speaker of a later clause, who goes on after the sentence
    view: bool = False               # an office's position: the next sentences are not its report
    attitude: bool = False           # a view held ("Burns is concerned…"), not words spoken
    source: bool = False             # named by a source phrase ("In the view of X", "From the viewpoint of X")


def _note_speaker(state: "_State") -> None:
    """Keep the last two distinct persons who spoke, for "They agreed…"."""
    who = state.last_speaker
    if who is not None and len(who.iris) == 1 and "person" in who.kinds and (not state.recent or state.recent[-1].iris != who.iris):
        state.recent = [*state.recent[-1:], who]


def _both_agreed(text: str, s: int, state: "_State") -> _Decision | None:
    """'The Pres. thinks it a good idea…. They agreed it is a close decision.': after two persons have
    spoken, "They agreed/concluded…" opening a sentence is both of theirs."""
    if not _THEY_AGREED.match(text, s):
        return None
    if state.last_speaker is not None and len(state.last_speaker.iris) == 2:
        return _Decision("report", state.last_speaker, "agreed", 0.55, "'They agreed…' or 'Both agreed…' after the two who spoke together")
    if len(state.recent) < 2:
        return None
    a, b = state.recent
    agent = Agent(a.iris + b.iris, a.names + b.names, "'They': the two persons who spoke last",
                  a.details + b.details, kinds=a.kinds + b.kinds)
    return _Decision("report", agent, "agreed", 0.55, "'They agreed…' after two speakers")


def _enumerator_kind(text: str, block: Block) -> str | None:
    """Session 30: what kind of enumerator opens an enumerated paragraph: 'digit' ("2."), 'letter' ("A)", "(b)") or
    'other' ("—"); None for a paragraph that has none."""
    if not block.enumerated:
        return None
    first = text[block.start:block.start + 2].lstrip("(")[:1]
    return "digit" if first.isdigit() else "letter" if first.isalpha() else "other"


@dataclass
class _State:
    """What carries from sentence to sentence: the last third-party speaker (for 'he said'),
    the report being continued in this paragraph, and the type list items inherit."""
    last_speaker: Agent | None = None
    report: Agent | None = None
    list_type: str | None = None
    list_agent: Agent | None = None
    speakers: set[tuple[str, ...]] = field(default_factory=set)     # who has spoken so far in the document
    held_view: bool = False          # the report running on is a view held, not words spoken
    relay_block: int = -1            # the paragraph of a relaying lead-in: its own other sentences stay the writer's
    relayed_points: bool = False     # the list relays someone's points or views, not a text passed on whole
    recent: list[Agent] = field(default_factory=list)     # the last two distinct persons who spoke
    relaying: bool = False           # the report running on is a person's account of a government's message
    done: set[tuple[int, int]] = field(default_factory=set)
    last_speaker_at: int = -1        # round 12: where the sentence that named the last speaker starts
    list_lead_kind: str | None = None  # session 30: the enumerator of the lead-in's paragraph ("2." over "A)", "B)")
    list_item_kind: str | None = None  # … and of the list's first item


class _Extractor:
    _about_index: MentionIndex | None = None
    _geo_inside: set[int] | None = None

    def __init__(self, record: DocumentRecord, cues: Cues, carrier: Carrier | None = None, carry_log: list | None = None):
        self.r = record
        self.carrier, self.carry_log = carrier, carry_log
        self._previous_other = False
        self._refused_from: Agent | None = None     # session 40: the report the carry model just ended
        self._between: tuple[int, Agent, list] | None = None
        self.text = record.text
        self.cues = cues
        self.people = DocumentPeople(record, cues)
        self.mentions = MentionIndex(with_bodies(record, [self.people.link(m) for m in record.mentions], cues))
        end = record.body_end if record.body_end is not None else len(self.text)
        self.blocks = find_blocks(self.text, record.body_start, end, cues, tuple(p.start for p in record.pages))
        self.sentences = {b.index: sentences_in_block(self.text, b, cues) for b in self.blocks}
        self.quotes = find_quotes(self.text, self.blocks)
        self.quotes_in: dict[int, list[Quote]] = {}
        for q in self.quotes:
            for bi in range(q.first_block, q.last_block + 1):
                self.quotes_in.setdefault(bi, []).append(q)
        self.block_at = [b.start for b in self.blocks]
        last = next((b for b in reversed(self.blocks) if not _TRAILER.fullmatch(self.text, b.start, b.end)
                     and not _SIGNERS_OFFICE.fullmatch(self.text, b.start, b.end)), None)
        self.last_block_index = last.index if last is not None else -1
        self.voice = document_voice(record, self.mentions, _before_trailer(self.text, last) if last else None, self.people,
                                    [(b.start, b.end) for b in self.blocks[:2]])
        self.people.writers = frozenset(self.voice.iris) if self.voice else frozenset()
        self.instruction_doc = bool(cues.instruction_heading.search(record.heading or ""))
        self.claims: list[Claim] = []
        self.inline_taken: dict[int, list[tuple[int, int]]] = {}
        self._block_voice = self.voice
        self._attached = self._attachment_voice()
        self.turn_speakers: set[str] = set()       # round 11: who the labels of a transcript have named so far
        self.transcript = self._is_transcript()
        self.third_person = self.transcript and self._turns_in_third_person()
        self.telephone = self.transcript and genre_of_heading(record.heading or "") == "transcript"   # session 30
        self.initials = self._speaking_initials()
        self.post_kind = _post_kind(record.heading or "")
        self.from_department = bool(_FROM_DEPARTMENT.search(record.heading or ""))     # round 10
        self.telegraphese = genre_of_heading(record.heading or "") == "telegram"       # session 42
        self.writer_department = _writer_department(record.heading or "")                # session 28
        self.routing_end = routing_end(record, (self.blocks[0].start, self.blocks[0].end) if self.blocks else None)

    def _speaking_initials(self) -> dict[str, str]:
        """Round 9: initials the document uses for a person who speaks ("L said…", "M said here yesterday" in a
        telephone memorandum): the person's IRI, so that the initial elsewhere ("get it to L", "having M with the Sec")
        is in the claim's `about`."""
        end = self.r.body_end if self.r.body_end is not None else len(self.text)
        out: dict[str, str] = {}
        if not _CALL_HEADING.search(self.r.heading or ""):
            return out               # initials for speakers are the telephone memoranda's
        for m in _INITIAL_SPEAKS.finditer(self.text, self.r.body_start, end):
            letter = m.group(1)
            if letter not in out:
                agent = initial_speaker(self.r, letter, self.people)
                out[letter] = agent.iris[0] if agent is not None and len(agent.iris) == 1 else ""
        return {k: v for k, v in out.items() if v}

    def _is_transcript(self) -> bool:
        """At least two paragraphs open with a speaker label: later unlabelled paragraphs continue the last speaker."""
        labelled = 0
        for b in self.blocks:
            found = label_speaker(self.r, b.start, b.end, self.mentions, self.cues, self.people)
            labelled += bool(found and found[1] is not None)
            if labelled >= 2:
                return True
        return False

    def _turns_in_third_person(self) -> bool:
        """Session 38: labelled turns that tell what the speaker said ("The Vice President: Said that he had noted… He
        repeated that…", frus1958-60v10p2 d74), where "he" is the one whose turn it is, not a transcript's "I"."""
        turns = " ".join(self.text[b.start:b.end] for b in self.blocks
                         if (found := label_speaker(self.r, b.start, b.end, self.mentions, self.cues, self.people)) and found[1])
        return len(_HE_WORD.findall(turns)) > 2 * len(_I_WORD.findall(turns)) + 2

    # ------------------------------------------------------------------ filters
    def _words(self, s: int, e: int) -> list[str]:
        return _WORD.findall(self.text[s:e])

    def is_heading(self, block: Block) -> bool:
        sents = self.sentences[block.index]
        t = self.text[block.start:block.end]
        return len(sents) == 1 and not _END_PUNCT.search(t) and len(self._words(block.start, block.end)) <= 15

    def skip_reason(self, s: int, e: int, block: Block) -> str | None:
        """Why text[s:e] is not a claim, or None."""
        if e - s > MAX_SENTENCE:
            return "too long for a sentence"
        t = self.text[s:e].strip()
        words = self._words(s, e)
        if _QUESTION.search(t):
            return "question"
        if _BROKEN_OFF.search(t, max(0, len(t) - 16)):
            return "broken off"
        if t.startswith("[") and t.rstrip(".").endswith("]"):
            return "editorial insertion"
        if is_routing_line(t):
            return "routing words"           # round 9: "For Compub from Palmer." opening a telegram
        if self.transcript and t.startswith("(") and t.endswith((")", ".)")):
            return "stage direction"         # "(Sisco read the message.)" between a transcript's lines
        if len(words) < self.cues.min_words:
            return "fragment"
        if len(_DIGIT_WORD.findall(t)) >= 0.4 * len(words):
            return "reference"
        if t.isupper():
            return "heading"
        if t.count("\t") >= 2:
            return "table"
        low = t.lower()
        if self.cues.formulas.search(low):
            return "formula"
        if len(words) <= self.cues.verbless_max_words and not self._has_verb(words, t):
            return "no verb"
        return None

    def _has_verb(self, words: list[str], t: str) -> bool:
        if _PRESENT_AFTER_SUBJECT.search(t) and not t.endswith(":"):     # "It boils down to this:" is a lead-in
            return True              # "Okay, that makes sense.", "That gives them a shot at the Arabs."
        for w in words:
            lw = w.lower()
            if lw in self.cues.verbs or lw.endswith(("ed", "ing", "n't", "n’t")):
                return True
        c = self.cues
        return bool(c.reporting.search(t, _SPEECH_ATTITUDE) or c.recommendation.search(t) or c.decision.search(t))

    def block_skip(self, block: Block) -> bool:
        t = self.text[block.start:block.end].strip()
        return bool(self.cues.lines.search(t)) or self.is_heading(block)

    # ------------------------------------------------------------------ helpers
    def _outside_quotes(self, s: int, e: int) -> str:
        """The sentence with quoted text blanked (same length, so offsets hold)."""
        i = bisect.bisect_right(self.block_at, s) - 1
        quotes = self.quotes_in.get(i, []) if i >= 0 and e <= self.blocks[i].end else self.quotes
        if not quotes:
            return self.text[s:e]
        chars = list(self.text[s:e])
        for q in quotes:
            a, b = max(q.start, s), min(q.end, e)
            for i in range(a, b):
                chars[i - s] = " "
        return "".join(chars)

    def _about(self, s: int, e: int, exclude: tuple = (), claimants: tuple[str, ...] = ()) -> tuple[tuple[str, ...], tuple[ClaimAgent, ...]]:
        """The entities the claim text[s:e] is about, and the document-local persons among them with their labels."""
        skip = {id(m) for m in exclude}
        found: list[tuple[int, str]] = []
        inside = self.mentions.within(s, e)
        if s < self.routing_end:
            skip.update(id(m) for m in inside if m.start < self.routing_end)     # round 9: "For Sisson from Creel: …"
        local: dict[str, ClaimAgent] = {}
        skipped = [(m.start, m.end) for m in inside if id(m) in skip]          # the speaker's own mentions
        skip.update(self._about_readings_inside())          # round 11: "India" in "the Indian Ocean"
        for m in inside:
            if id(m) not in skip and m.entity and m.kind in ABOUT_KINDS:
                if m.method == "own-post" and m.entity in claimants:
                    continue             # round 9: "Embassy, however, is of opinion…": the writing post, speaking
                if m.method == "own-post" and self._opens_in_voice(m, s, claimants):
                    skipped.append((m.start, m.end))
                    continue
                found.append((m.start, m.entity))
                if m.method in ("local-body", "local-place", "own-post"):       # round 9: places no gazetteer holds
                    local.setdefault(m.entity, ClaimAgent(iri=m.entity, label=m.label, kind=m.kind, local=True))
            elif id(m) not in skip and m.kind == "person" and not m.entity:
                # "CARL MCINTIRE", "CHIANG": a person the entity layer found but could not link, local to the document.
                agent = agent_of_mentions(self.r, [m], "a person named in the claim")
                if agent is not None and agent.iris[0] not in claimants:
                    found.append((m.start, agent.iris[0]))
                    local.setdefault(agent.iris[0], ClaimAgent(iri=agent.iris[0], label=agent.names[0], kind="person", local=True))
        names = []
        for m in self._about_readings().within(s, e):     # round 11: "Germany" in 1961, "Korea" in 1955, "RTG"
            if m.entity not in claimants and not any(a < m.end and m.start < b for a, b in skipped):
                if m.method == "about-name":
                    names.append(m)          # session 13: a name no layer links yields to the persons read below
                    continue
                found.append((m.start, m.entity))
                if m.method in ("about-body", "about-place"):     # local to the document, described by the claim's graph
                    local.setdefault(m.entity, ClaimAgent(iri=m.entity, label=m.label, kind=m.kind, local=True))
        if self.initials:
            for x in _LONE_INITIAL.finditer(self.text, s, e):
                iri = self.initials.get(x.group(1))
                if iri is not None and iri not in claimants and not any(m.start <= x.start() < m.end for m in inside):
                    found.append((x.start(), iri))          # round 9: "get it to L", "having M with the Sec"
        # "the Secretary", "Evatt" untagged: the person the document names so, unless it is the speaker;
        # "the Prime Minister", "Mr. Houdek" tied to no linked person: a person local to the document.
        # an unresolved glossary term ("Sec", glossed "Secretary") does not hide the title it prints
        covered = [(m.start, m.end) for m in inside if m.kind != "term"]
        # round 11: "Toncic" is the claimant "Minister Toncic", local to the document under his printed title
        speaker_tails = tuple("-" + c.rsplit("/", 1)[-1] for c in claimants if "/persons/" in c)
        persons_at = []
        for at, iri, named in self.people.untagged(s, e, covered, printed=True):
            persons_at.append(at)
            if iri in claimants or (named is not None and self.people.title(named.label) is None
                                    and any(t.endswith("-" + iri.rsplit("/", 1)[-1]) for t in speaker_tails)):
                continue
            found.append((at, iri))
            if named is not None:
                local.setdefault(iri, ClaimAgent(iri=iri, label=named.label, kind="person", local=True))
        found += self._names_left(names, persons_at, {iri for _, iri in found} | set(claimants), local)
        out: list[str] = []
        for _, iri in sorted(found):
            if iri not in out:
                out.append(iri)
        return tuple(out), tuple(local.values())

    @staticmethod
    def _names_left(names: list, persons_at: list[int], taken: set[str], local: dict) -> list[tuple[int, str]]:
        """Session 13: the unlinked names (unlinked_names.py) that no person read from a title or a name stands at
        ("Mr. Houdek", "Evatt"), and that are not the claimant or another entity under a longer name ("Prime
        Minister-Foreign Minister Ghazzi" when the claimant is Ghazzi)."""
        tails = {iri.rsplit("/", 1)[-1] for iri in taken}
        out = []
        for m in names:
            slug = m.entity.rsplit("/", 1)[-1]
            if any(m.start - 8 <= at < m.end for at in persons_at) or \
                    any(slug == t or slug.endswith("-" + t) or t.endswith("-" + slug) for t in tails):
                continue
            out.append((m.start, m.entity))
            local.setdefault(m.entity, ClaimAgent(iri=m.entity, label=m.label, kind=m.kind, local=True))
        return out

    def _opens_in_voice(self, m, s: int, claimants: tuple[str, ...]) -> bool:
        """Round 12: the writing post opening a claim in the voice of the ambassador who signs its telegram ("Embassy
        officer pointed out to Ileo…", signed McIlvaine) is the writer speaking, not what the claim is about."""
        opens = m.start - s <= 4 or self.text[m.start - 2:m.start] in (". ", ".\n")
        return opens and self.voice is not None and claimants == self.voice.iris

    def _about_readings_inside(self) -> set[int]:
        """The ids of the country and region mentions inside the name of a sea, a strait or a gulf, once per document."""
        self._about_readings()
        return self._geo_inside or set()

    def _about_readings(self) -> MentionIndex:
        """Countries, persons, bodies and places no layer links, read for `about` only (ingest/claims/about.py), once
        per document."""
        if self._about_index is None:
            found, self._geo_inside = about_readings(self.r, self.mentions.items, self.people,
                                                     frozenset(self.cues.local_body_heads), self.cues)
            self._about_index = MentionIndex(found)
        return self._about_index

    def _emit(self, s: int, e: int, d: _Decision) -> None:
        text = self.text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            return
        about, about_local = self._about(s, e, d.speaker_mentions + d.agent.mentions, d.agent.iris)
        self.claims.append(Claim(
            start=s, end=e, claim_type=d.claim_type, claimants=d.agent.iris,
            about=about, method="rule",
            confidence=round(d.confidence, 2),
            explanation=f"{d.claim_type}: {d.why}; claimant {d.agent.describe()}",
            cue=d.cue, agents=d.agent.details, about_local=about_local,
        ))

    def _pronoun_ref(self, block: Block, sent_start: int, before: int, state: _State) -> Agent | None:
        """Whom 'he'/'she' before a reporting verb stands for: the last speaker, else the subject of the
        previous sentence ("Sir Oliver Franks … handed …. He said …"), else the last person named."""
        voice_iris = set(self.voice.iris) if self.voice else set()
        if _COMMENT_OPENS.match(self.text, sent_start, before):
            return None         # "COMMENT: … IT CONFIRMS RELEASE OF SHIPS.": the writer's comment, whose "it" is nobody's voice
        singular = False
        if _THEY_BEFORE.search(self.text, sent_start, before):
            group = self._last_group(block, sent_start, voice_iris) or self._call_parties(sent_start)
            if group is not None:
                return group
        elif he := _HE_BEFORE.search(self.text, sent_start, before):
            singular = True
            inside = self._subject_before_pronoun(sent_start, he.start(), voice_iris)
            if inside is not None:
                return inside
            woman = self._woman_before(block, before, voice_iris) if _SHE_BEFORE.search(self.text, sent_start, before) else None
            if woman is not None:
                return woman        # session 42: "D said Mrs. Meir called…. She wanted the Sec to have…": not D
            # round 12: "The Ambassador seemed impressed…. I also pointed out…. He said…": the subject opening the nearest earlier
            # sentence (this paragraph or the three before it) that is not the writer's, before an earlier last speaker
            earlier = [(x.start, x.end) for b in range(max(0, block.index - 3), block.index + 1)
                       for x in self.sentences[b] if x.end <= sent_start]
            found = pronoun_antecedent(self.r, earlier, self.mentions, self.people, voice_iris)
            if found is not None and (state.last_speaker is None or found[1] > state.last_speaker_at) \
                    and not self._inside_running_report(block, state, found[1]):
                return found[0]     # ("The Pres. asked…, and the Sec. said no. … He doubts…": the later clause's speaker)
        last = state.last_speaker
        if last is not None and voice_iris and set(last.iris) <= voice_iris and state.relayed_points \
                and self.voice_for(block, state) is not self._block_voice:
            last = None       # session 40: "I said…" among the points a relayed list gives: "he" after it is not the writer
        if last is not None and not (singular and (len(last.iris) > 1 or (last.kinds != ("person",) and not last.one_speaking
                                                                           ))):
            return last       # session 33: "he" after "they wished…" is not both of them; session 38: nor "The U.S. knows…"
        if singular and self.third_person and self._block_voice is not None and self._block_voice is not self.voice \
                and self._block_voice.kinds == ("person",) and self.voice_for(block, state) is self._block_voice:
            return self._block_voice        # session 38: "The Vice President: Said that… He also wanted…" (his turn)
        subject = self._previous_subject(block, sent_start, voice_iris)
        if subject is not None:
            return subject
        floor = self.blocks[max(0, block.index - (3 if self.transcript else 1))].start   # transcript turns are short
        # round 11: in a transcript "he" is no one on the line ("K: … he will react, but first he wants to see what it is.")
        talking = self.turn_speakers if self.transcript and not self.third_person else set()
        quoted = [q for q in self.quotes if q.first_block < block.index and q.end > floor]
        if quoted:      # session 31: a quoted statement between: the person named before it, not one named inside it
            floor = self.blocks[max(0, min(q.first_block for q in quoted) - 1)].start
        people = [m for m in self.mentions.within(floor, before) if m.kind == "person" and m.entity not in voice_iris
                  and m.entity not in talking and not any(q.start <= m.start < q.end for q in self.quotes)]
        # session 28: one named as a subject before one named after a preposition ("…talked with the President. He said…")
        subjects = [m for m in people if not _OBJECT_BEFORE.search(self.text, max(floor, m.start - 40), m.start)]
        if not subjects and people and genre_of_heading(self.r.heading or "") != "transcript":
            partner = self._conversation_partner(voice_iris) or self._whose_remarks(floor, sent_start, voice_iris)
            if partner is not None:
                return partner      # "…get together with Kermit Gordon…. He was appalled…"
        if singular and _SHE_BEFORE.search(self.text, sent_start, before):
            woman = self._last_woman(people, floor, before)
            if woman is not None:
                return woman
        if subjects or people:
            return agent_of_mentions(self.r, (subjects or people)[-1:], "the last person named before the pronoun")
        return self._last_title_before(sent_start, before, voice_iris) \
            or (self._last_unlinked_before(floor, before, voice_iris) if singular else None) \
            or (self._last_title_before(floor, sent_start, voice_iris) if singular else None) or self._other_party(voice_iris)

    def _inside_running_report(self, block: Block, state: _State, at: int) -> bool:
        """Session 39: a person opening a sentence of the report running on in this paragraph is the one the speaker talks
        about or to, not the next "he" ("The President said…. Mr. Gromyko could be sure that…. He did not see why…"). In a
        telegram only where a modal follows him: there the report carried over "USSR PERMREP MALIK GAVE SHORT SHRIFT…" is
        the learned choice, and Malik may be the next speaker."""
        if state.report is None or state.report is not state.last_speaker or "person" not in state.report.kinds \
                or not block.start <= state.last_speaker_at < at:
            return False
        opener = next((m for m in self.mentions.within(at, at + 80) if m.kind == "person"), None)
        addressed = opener is not None and (_ADDRESSED_MODAL.match(self.text, opener.end) is not None
                                            or genre_of_heading(self.r.heading or "") != "telegram")
        return addressed and any(c.start <= at < c.end and set(c.claimants) == set(state.report.iris) for c in self.claims[-4:])

    def _subject_before_pronoun(self, sent_start: int, at: int, voice_iris: set[str]) -> Agent | None:
        """Session 38: "The Prime Minister expressed his appreciation for the Vice President's statement, however he still
        felt obliged…": "he" inside a sentence whose subject is a person is that subject, not the last person named."""
        if not self.text[sent_start:at].strip() or not _CLAUSE_BEFORE_PRONOUN.search(self.text, sent_start, at):
            return None
        when = _WHEN_BEFORE_PRONOUN.fullmatch(self.text, sent_start, at)
        if when is not None and _ASKING.search(self.text, sent_start, at):
            return None         # "When the Secretary asked Diem whether…, he said…": the one asked answers
        start = when.end("conj") if when is not None else sent_start
        agent = opening_subject(self.r, start, at, self.mentions, self.people)
        return agent if agent is not None and not set(agent.iris) & voice_iris else None

    def _woman_before(self, block: Block, before: int, voice_iris: set[str]) -> Agent | None:
        floor = self.blocks[max(0, block.index - 1)].start
        people = [m for m in self.mentions.within(floor, before) if m.kind == "person" and m.entity not in voice_iris]
        woman = self._last_woman(people, floor, before)
        return woman if woman is not None and not set(woman.iris) & voice_iris else None

    def _last_woman(self, people: list, floor: int, before: int) -> Agent | None:
        """Session 38: "I was greeted … by Mrs. Shih…. She commented…" (frus1969-76ve13 d135): "she" is the last person
        printed as a woman ("Mrs.", "Miss", "Madame"), linked or not, never Dr. Kissinger named after her."""
        women = [m for m in people if _WOMAN_BEFORE.search(self.text, max(floor, m.start - 10), m.start)
                 or _WOMAN_TITLED.match(self.text, m.start)]
        printed = [w for w in _WOMAN_NAMED.finditer(self.text, floor, before) if not self.mentions.within(w.start("name"), w.end("name"))]
        if printed and (not women or printed[-1].start() > women[-1].start):
            named = self.people.named(printed[-1].group(0))
            return named_agent(named) if named is not None and named.kind == "person" else None
        return agent_of_mentions(self.r, women[-1:], "the last woman named before 'she'") if women else None

    def _last_unlinked_before(self, floor: int, before: int, voice_iris: set[str]) -> Agent | None:
        """Session 35: "I QUERIED DEPUTY FONMIN KHALATBARI THIS MORNING…. HE REPLIED SITUATION "CONFUSED"…": where no
        linked mention precedes the pronoun, the last name or title the entity layer left untagged that the document
        settles (here a name after a title), not the writer."""
        covered = [(m.start, m.end) for m in self.mentions.within(floor, before)]
        titled = [(at, iri, named) for at, iri, named in self.people.untagged(floor, before, covered, printed=True)
                  if iri not in voice_iris and not any(q.start <= at < q.end for q in self.quotes)]
        if not titled:
            return None
        at, iri, named = titled[-1]
        return named_agent(named) if named is not None else self._titled_agent(at, iri)

    def _call_parties(self, sent_start: int) -> Agent | None:
        """Session 30: "They mentioned the cables in from Amman." in the record of a call: the two on the line (not a
        "they" inside the sentence: "That's why they asked me…" is Moscow)."""
        if not _THEY_OPENS.match(self.text, sent_start) or genre_of_heading(self.r.heading or "") != "transcript" or len(self.r.parties) != 2:
            return None
        return party_agent(self.r, list(self.r.parties), "'They': the two parties of the call")

    def _other_party(self, voice_iris: set[str]) -> Agent | None:
        """Session 30: "I mentioned support costs. He asked what our program was.": in a conversation's record with
        no one named before the pronoun, the one party of the heading who is not the writer."""
        if genre_of_heading(self.r.heading or "") != "memorandum of conversation":
            return self._conversation_partner(voice_iris)
        others = [p for p in self.r.parties if party_person_iri(self.r, p) not in voice_iris]
        return party_agent(self.r, others, "the party of the heading who is not the writer") if len(others) == 1 else None

    def _conversation_partner(self, voice_iris: set[str]) -> Agent | None:
        """Session 31: a record whose subject line names the one the writer talked with ("Memorandum for the Record" over
        "Conversation with the President, July 9"): he is the "he" no one named before it stands for."""
        line = _CONVERSATION_WITH.search(self.text, self.r.body_start, min(len(self.text), self.r.body_start + 200))
        if line is None:
            return self._opening_partner(voice_iris)
        named = [m for m in self.mentions.within(line.start("who"), line.end("who")) if m.kind == "person"]
        found = agent_of_mentions(self.r, named[:1], "the one the subject line says the writer talked with") if named else None
        if found is None:
            titled = self.people.named(line.group("who"))
            found = named_agent(titled) if titled is not None and not titled.local else None
        return found if found is not None and not set(found.iris) & voice_iris else None

    def _opening_partner(self, voice_iris: set[str]) -> Agent | None:
        """Session 35: a telegram whose first paragraph says whom the writer talked with ("Following is substance my
        discussion with Foreign Minister Myerson re matters raised Deptel 7.", "I called on Nasser this morning…"): the one
        its later "she"/"he" with no one named before stands for."""
        if not self.blocks or genre_of_heading(self.r.heading or "") != "telegram":
            return None
        first = next((b for b in self.blocks if b.end > self.r.body_start), None)
        m = _TALKED_WITH.search(self.text, first.start, min(first.end, first.start + 400)) if first else None
        if m is None:
            return None
        named = [x for x in self.mentions.within(m.end(), min(first.end, m.end() + 60)) if x.kind == "person"]
        if not named or named[0].entity in voice_iris:
            return None
        return agent_of_mentions(self.r, named[:1], "the one the telegram's first paragraph says the writer talked with")

    def _latter(self, block: Block, s: int, verb_start: int) -> Agent | None:
        """Session 31: "The latter said that he was greatly relieved…", "Latter simply specified…": the last of the persons
        the sentence before names ("the former": the first of its last two), not the writer."""
        m = _LATTER.fullmatch(self.text, s, verb_start)
        if m is None:
            return None
        earlier = [x for b in range(max(0, block.index - 1), block.index + 1) for x in self.sentences[b] if x.end <= s]
        if not earlier:
            return None
        voice = set(self.voice.iris) if self.voice else set()
        people = list({x.entity or self.text[x.start:x.end]: x for x in self.mentions.within(earlier[-1].start, s)
                       if x.kind == "person" and x.entity not in voice}.values())
        people.sort(key=lambda x: x.start)
        latter = m.group(1).lower() == "latter"
        named = [x for x in self.mentions.within(earlier[-1].start, s) if x.kind in SPEAKER_KINDS and x.entity not in voice]
        if len(people) < (1 if latter else 2) or latter and named and named[-1].kind != "person" \
                and not re.fullmatch(r"\s+of\s+(?:the\s+)?", self.text[people[-1].end:named[-1].start]):
            return None         # "…between the Shah and Exxon's chairman. The latter…" (not "…Diefenbaker of Canada. The latter…")
        # session 45: one person besides the writer ("Secretary met with Macmillan. Latter said…"): the writer is the other
        chosen = people[-1] if latter else people[-2]
        how = f"'the {m.group(1).lower()}' of the persons the sentence before names" if len(people) > 1 else \
            "'the latter': the one person the sentence before names besides the writer"
        return agent_of_mentions(self.r, [chosen], how)

    def _whose_remarks(self, lo: int, hi: int, voice_iris: set[str]) -> Agent | None:
        """Session 31: "…my recollection of the Ambassador’s remarks about the President…. He referred to…": the one whose
        remarks the writer recounts, named by a possessive, not one named after a preposition."""
        m = None
        for m in _WHOSE_REMARKS.finditer(self.text, lo, hi):
            pass
        if m is None or self.people.title(m.group("who")) is None and not self.people.named_before(m.group("who")):
            return None
        named = self.people.named(m.group("who"))
        agent = named_agent(named) if named is not None else None
        return agent if agent is not None and not set(agent.iris) & voice_iris else None

    def _last_title_before(self, lo: int, hi: int, voice_iris: set[str]) -> Agent | None:
        """Session 27: a title no mention holds, named last before the pronoun ("When I saw Shah Dec 9 he expressed
        pleasure…"): who the document says holds it."""
        found = list(_TITLE_WORD.finditer(self.text, lo, hi))
        for m in reversed(found):
            if self.people.title(m.group(0)) is None:
                continue
            nation = _NATION_BEFORE.search(self.text, max(lo, m.start() - 30), m.start())
            printed = self.text[nation.start(1):m.end()] if nation and self.people.demonym(nation.group(1).strip()) else m.group(0)
            named = self.people.named(printed)
            agent = named_agent(named) if named is not None else None
            return agent if agent is not None and not set(agent.iris) & voice_iris else None
        return None

    def _named_together(self, people: list) -> list:
        """Session 44: the first persons listed together ("General Ma, General Vang Pao (the Meo leader), and possibly Kong
        Le"), not one acting on another ("Rifai told Lodge that…", "…his conversation with the Secretary")."""
        ordered = sorted(people, key=lambda m: m.start)
        run = ordered[:1]
        for a, b in zip(ordered, ordered[1:]):
            if _LISTED_BETWEEN.fullmatch(self.text, a.end, b.start):
                run.append(b)
            elif len(run) >= 2:
                break
            else:
                run = [b]
        return run if len(run) >= 2 else []

    def _last_group(self, block: Block, sent_start: int, voice_iris: set[str]) -> Agent | None:
        """Round 10: 'They' is no one person: the persons named together in the last earlier sentence of the paragraph
        that names two or more ("…are said to be involved, including General Ma, General Vang Pao…, and possibly
        Kong Le. … They charge this faction with…")."""
        earlier = [x for x in self.sentences[block.index] if x.end <= sent_start]
        for prev in reversed(earlier):
            people: dict = {}
            for m in self.mentions.within(prev.start, prev.end):
                if m.kind == "person" and m.entity not in voice_iris and self.text[m.end:m.end + 1] not in ("-", "–") \
                        and self.text[m.start - 1:m.start] not in ("-", "–"):
                    people.setdefault(m.entity, m)       # "the Sananikone-Kouprasith faction" names a faction
            together = self._named_together(list(people.values()))
            if together:
                return agent_of_mentions(self.r, together, "'They': the persons named together before")
            if prev is earlier[-1]:
                body = self._body_opening(prev.start, prev.end)
                if body is not None:
                    return body
        return None

    def _body_opening(self, s: int, e: int) -> Agent | None:
        """Session 30: "More importantly, the British were concerned…. They wondered if…": a people or body opening
        the sentence before."""
        first = next(iter(self.mentions.within(s, e)), None)
        if first is None or first.kind not in ("country", "organization") or not first.entity \
                or not _BODY_OPENS.fullmatch(self.text, s, first.start):
            return None
        return agent_of_mentions(self.r, [first], "'They': the body that opens the sentence before")

    def _previous_subject(self, block: Block, sent_start: int, voice_iris: set[str]) -> Agent | None:
        earlier = [x for x in self.sentences[block.index] if x.end <= sent_start]
        if not earlier and block.index > 0:
            earlier = self.sentences[block.index - 1]
        if not earlier:
            return None
        prev = earlier[-1]
        if len(earlier) > 1 and _THING_OPENS.match(self.text, prev.start, prev.end):
            prev = earlier[-2]      # session 36: "Nikolareisis handed me memorandum…. It largely rejected…. Said GOG could…"
        for m in self.mentions.within(prev.start, prev.end):
            if m.kind != "person" or m.entity in voice_iris:
                continue
            after = _AFTER_SUBJECT.match(self.text, m.end, prev.end)
            if after and self._is_verb(after.group(1)):
                return agent_of_mentions(self.r, [m], "the subject of the previous sentence")
            who = _WHO_SAID.match(self.text, m.end, prev.end)
            if who and self.cues.reporting.search(self.text[who.end():who.end() + 40], _SPEECH_ATTITUDE):
                # round 9: "We had a call from Dobrynin 1½ hours ago who said he had a personal message from
                # Kosygin. He asked if he could see the President.": the one who spoke, not the last name
                return agent_of_mentions(self.r, [m], "the speaker of the previous sentence's 'who said'")
        return None

    def _both_named(self, block: Block, s: int, state: _State) -> _Decision | None:
        """Session 41: "Ambassador Bowles and Dr. Mason … have now prepared reports…. Both agree that an effort … is
        desirable" (frus1961-63v17 d230): "Both" with a verb of saying or holding a view is the two persons the sentence
        before names joined by "and", neither of them the writer."""
        m = _BOTH_SAY.match(self.text, s)
        if m is None:
            return None
        before = [x for x in self.sentences[block.index] if x.end <= s][-1:] or \
            (self.sentences[block.index - 1][-1:] if block.index > 0 and self.sentences[block.index - 1] else [])
        if not before:
            return None
        voice = set(self.voice.iris) if self.voice else set()
        people: list = []
        for x in self.mentions.within(before[0].start, before[0].end):
            if x.kind == "person" and x.entity and x.entity not in voice and x.entity not in {p.entity for p in people}:
                people.append(x)
        if len(people) != 2 or not _PAIR_JOINED.fullmatch(self.text, people[0].end, people[1].start):
            return None     # "Ambassador Dobrynin showed the Secretary … verses by Robert Frost. Both expressed…": not those two
        agent = agent_of_mentions(self.r, people, "'Both': the two persons the sentence before names")
        if agent is None:
            return None
        state.report, state.last_speaker = None, agent      # session 45: what both hold ends there ("The British understand…")
        return _Decision("report", agent, m.group(1), 0.55, f"cue '{m.group(1)}', 'Both' read as the two named before")

    def _is_verb(self, word: str) -> bool:
        w = word.lower()
        return w in self.cues.verbs or w.endswith("ed") or bool(self.cues.reporting.search(w, _SPEECH_ATTITUDE))

    # ------------------------------------------------------------------ quotations
    def quotation_speaker(self, q: Quote, state: _State) -> tuple[Agent, str, float] | None:
        """Who said the quoted passage: an attribution line after it, a lead-in before it, or the
        reporting verb around it. Session 34: the telegram's own signature after a quoted note ("Lodge wishes following
        note transmitted to Secretary Dulles: “…” Hoover") names the quotation's author only where no lead-in does."""
        signed = self._letter_signed(q)
        if signed is not None:
            return signed, "signature", 0.8
        line = self._attribution_line(q)
        if line is not None and line[1] != self.last_block_index:
            return self._attributed(line, state)
        lead = self._lead_in_speaker(q, state)
        if lead is not None:
            return lead
        if line is not None:
            return self._attributed(line, state)
        return self._speaker_after_quote(q, state)

    def _letter_signed(self, q: Quote) -> Agent | None:
        """Session 41: a quoted letter signed at its close ("Sincerely, John F. Kennedy”", frus1961-63v06 d111) is the
        signer's, not that of the telegram's own signature on the line after it."""
        last = self.blocks[q.last_block]
        who = closing_signature(self.text, last.start, q.end)
        if who is None and q.last_block > q.first_block and len(self._words(last.start, q.end)) <= 5:
            above = self.blocks[q.last_block - 1]
            who = (last.start, q.end) if is_close_alone(self.text, above.start, above.end) else None
        if who is None:
            return None
        people = [x for x in self.mentions.within(*who) if x.kind == "person" and x.entity]
        return agent_of_mentions(self.r, people[:1], "signed the quoted letter at its close") if people else None

    def _attribution_line(self, q: Quote) -> tuple[Agent, int] | None:
        """The next block as an attribution line ("Representative Millicent Fenwick"), with its index."""
        text, last = self.text, self.blocks[q.last_block]
        if q.last_block + 1 < len(self.blocks) and not text[q.end:last.end].strip(" ”\"’.*_,;"):
            nb = self.blocks[q.last_block + 1]
            line = text[nb.start:nb.end].strip(" —–-*_")
            if len(self._words(nb.start, nb.end)) <= 8 and not re.search(r"[.!?:;]$", line.rstrip("*_ ")):
                people = [m for m in self.mentions.within(nb.start, nb.end) if m.kind == "person"]
                if people:
                    agent = agent_of_mentions(self.r, people[:1], f"named on the line after the quotation ('{line}')")
                    if agent:
                        return agent, nb.index
        return None

    def _attributed(self, line: tuple[Agent, int], state: _State) -> tuple[Agent, str, float]:
        nb = self.blocks[line[1]]
        state.done.add((nb.start, nb.end))
        return line[0], "attribution line", 0.85

    def _lead_in_speaker(self, q: Quote, state: _State) -> tuple[Agent, str, float] | None:
        """A lead-in ending with ':' before a quoted block: "message to Averoff from the Acting Secretary:"."""
        text, first = self.text, self.blocks[q.first_block]
        lead_end = q.start - 1
        lead = _ENUMERATOR.sub("", text[first.start:lead_end].strip())
        lead_block = None
        if not lead and q.first_block > 0:
            lead_block = self.blocks[q.first_block - 1]
            if q.first_block > 1 and DATE_ONLY.fullmatch(text, lead_block.start, lead_block.end):
                lead_block = self.blocks[q.first_block - 2]     # session 41: "…to Prime Minister Nehru…: / March 9, 1963 / “Dear…"
            lead = text[lead_block.start:lead_block.end].strip()
            lead_start = lead_block.start
        else:
            lead_start = first.start
        if lead.endswith(":") or lead.endswith(",") or _FOLLOWING_MESSAGE.search(lead) or _FROM_TO.match(lead) \
                or _TEXT_FOLLOWS.search(lead) or _LETTER_BELOW.search(lead) or self._quotes_letter(q):
            m = self.cues.quote_source.search(self._outside_quotes(lead_start, lead_start + len(lead))) or \
                _FROM_TO.match(text, lead_start, lead_start + len(lead))
            if m:
                ms = [x for x in self.mentions.within(lead_start + m.start("who"), lead_start + m.end("who"))]
                named_first = next((x for x in ms if x.kind == "person"), ms[0]) if ms else None   # "…the Prime Minister of Israel Levi Eshkol"
                agent = agent_of_mentions(self.r, [named_first], "named as the quoted message's author in the lead-in") if ms else None
                if agent is None and not ms and self.from_department and _PRESIDENT_ALONE.fullmatch(m.group("who").strip()):
                    agent = self._american_president()
                agents = [x for x in ms if x.kind in ("person", "organization", "country")]
                if agent is None and not agents and not re.match(r"(?:an?|some)\s|(?!the\s)[a-z]", m.group("who").strip()):
                    # "from a typed note:"; session 43: "…contained in the following extracts from paragraph 5.c:"
                    named = self.people.named(m.group("who").strip())
                    agent = named_agent(named) if named else None
                    if named is not None and named.local and self._signer_is(m.group("who").strip()):
                        agent = self.voice
                if agent:
                    return agent, m.group(0)[:40], 0.75
            given = [x for x in self.mentions.within(lead_start, lead_start + len(lead))
                     if x.kind == "person" and x.entity and _GIVEN_BY.search(self.text, lead_start, x.start)][:1]
            if given:       # session 41: "…text of letter dated March 2, 1968, addressed to President Johnson by King Hussein:"
                return agent_of_mentions(self.r, given, "named as the quoted letter's author in the lead-in"), "by", 0.75
            sents = self.sentences[lead_block.index] if lead_block is not None else [
                x for x in self.sentences[first.index] if x.start < q.start]
            if sents:
                sub = self._speech(sents[-1].start, min(sents[-1].end, q.start), block=lead_block or first, state=state,
                                   quote_frame=True)
                if sub and sub.claim_type == "report" and sub.agent is not None and sub.confidence >= 0.5:
                    return sub.agent, sub.cue or "", sub.confidence
        return None

    def _quotes_letter(self, q: Quote) -> bool:
        """Session 41: the quotation is a letter, opening on its greeting or on its date above it ("2107. Following for
        immediate delivery is text of letter from President to Prime Minister Macmillan. Advise date and time delivery. /
        “September 11, 1959. / Dear Harold: …", frus1958-60v07p2 d136): its lead-in names its sender wherever it ends."""
        first = self.blocks[q.first_block]
        if SALUTATION.match(self.text, q.start, first.end):
            return True
        return LETTER_DATE.fullmatch(self.text, q.start, first.end) is not None and q.last_block > q.first_block \
            and SALUTATION.match(self.text, self.blocks[q.first_block + 1].start, self.blocks[q.first_block + 1].end) is not None

    def _american_president(self) -> Agent | None:
        """Session 40: "Deliver letter below from the President to President Marcos." in the Department's telegram
        (frus1964-68v26 d326): the President of the United States sends the letter the Department relays."""
        holder = united_states_holder(self.r, "President", "the Department's telegram relays a letter from 'the President'")
        return named_agent(Named(holder.entity, holder.label, holder.explanation)) if holder is not None else None

    def _speaker_after_quote(self, q: Quote, state: _State) -> tuple[Agent, str, float] | None:
        """A reporting verb after the quote: '…,” he said.'"""
        text, last = self.text, self.blocks[q.last_block]
        tail_end = min(last.end, q.end + 60)
        tail = text[q.end:tail_end]
        if re.match(r"[”\"]?\s*,?\s*[”\"]?\s", tail):
            sub = self._speech(q.end, tail_end, block=last, state=state, quote_frame=True)
            if sub and sub.agent is not None:
                return sub.agent, sub.cue or "", sub.confidence
        return None

    def _signer_is(self, who: str) -> bool:
        """Round 11: "…message to Averoff from the Acting Secretary:" in the Department's telegram signed "Hoover": the
        Secretary or Acting Secretary the document ties to no name is the signer, who signs the Department's telegrams
        as such."""
        return self.from_department and self.voice is not None and self.voice.kinds == ("person",) \
            and bool(_SECRETARY_TITLE.fullmatch(who))

    def handle_quotes(self, state: _State) -> dict[int, list[tuple[int, int, _Decision | None]]]:
        """Quotation claims for quoted passages. Returns, per block, the spans the quotations consumed."""
        consumed: dict[int, list[tuple[int, int, _Decision | None]]] = {}
        for q in self.quotes:
            words = self._words(q.start, q.end)
            if len(words) < self.cues.quotation_min_words:
                continue
            pieces = q.pieces(self.blocks)
            first = self.blocks[q.first_block]
            before = self.text[first.start:q.start].strip(" “\"-—–•*_")
            block_quote = not _ENUMERATOR.sub("", before) or bool(_FROM_TO.fullmatch(before)) \
                or (before.endswith(":") and q.last_block > q.first_block)   # session 43: "…from President: “Dear Harold: / …"
            if not block_quote:
                continue        # quotes inside a sentence are read with their sentence
            found = self.quotation_speaker(q, state)
            for bi, s, e in pieces:
                consumed.setdefault(bi, []).append((s, e, None))
            if found is None:
                continue        # a quoted block we cannot attribute is not emitted
            agent, cue, conf = found
            for bi, s, e in pieces:
                sents = [x for x in self.sentences[bi] if x.end > s and x.start < e]
                keep = [x for x in sents if self.skip_reason(max(x.start, s), min(x.end, e), self.blocks[bi]) is None]
                if not keep:
                    continue
                a, b = max(keep[0].start, s), min(keep[-1].end, e)
                salutation = _SALUTATION.match(self.text, a, b)
                if salutation:
                    a = salutation.end()    # "Dear Mr. Prime Minister: Congratulations…": the greeting is no claim
                d = _Decision("quotation", agent, cue, conf, "a quoted passage")
                consumed[bi][-1] = (s, e, d)
                self._emit(a, b, d)
        return consumed

    def handle_quote_unquote(self, state: _State) -> None:
        """Round 10: a text a telegram spells out between the words "Quote" and "Unquote" ("Begin text"/"End text")
        after a lead-in that announces it ("…hand him the following memo. / 2. Quote: There have been a number of
        comments… Unquote."): one quotation per paragraph, by the sender the lead-in names ("the following message
        from the President"), else, in a telegram of the Department of State, by the United States on whose behalf
        the post hands it over. Anything else (a foreign note an embassy quotes) is left to the other rules."""
        i = 0
        while i < len(self.blocks):
            first = self.blocks[i]
            opener = _QUOTE_OPEN.match(self.text, first.start, first.end)
            if opener is None and i > 0 and _QUOTE_OPENS_AFTER.search(self.text, self.blocks[i - 1].start, self.blocks[i - 1].end):
                opener = re.compile("").match(self.text, first.start)
            if opener is None or i == 0 or not _ANNOUNCES_TEXT.search(self.text, self.blocks[i - 1].start, self.blocks[i - 1].end):
                i += 1
                continue
            last = self._quote_closes(i, 12)
            agent = self._quoted_text_author(self.blocks[i - 1], self.blocks[last]) if last is not None else None
            if last is None and self._named_sender(self.blocks[i - 1]):
                last = self._quote_closes(i, 80)        # session 38: a statement its issuer's lead-in names, at length
                agent = self._quoted_text_author(self.blocks[i - 1], self.blocks[last]) if last is not None else None
            if agent is None:
                i += 1
                continue
            for j in range(i, last + 1):
                b = self.blocks[j]
                a = opener.end() if j == i else b.start
                numbered = _PARAGRAPH_NUMBER.match(self.text, a, b.end)
                a = numbered.end() if numbered else a        # "3. Neither Annex C nor…": the number is no part of it
                close = _QUOTE_CLOSE.search(self.text, b.start, b.end) if j == last else None
                e = close.start() if close else b.end
                if len(self._words(a, e)) >= self.cues.min_words:
                    self._emit(a, e, _Decision("quotation", agent, "Quote", 0.7, "a text spelled out between 'Quote' and 'Unquote'"))
                state.done.add((b.start, b.end))
            i = last + 1

    def _signed_above_close(self, closing: Block) -> list:
        """Session 41: "Sincerely, / John F. Kennedy. / End text." and "/s/ N.Khrushchev / October 26, 1962. End Text.": the
        short line above a closing line that holds nothing but a date and the close."""
        if closing.index < 1 or not _CLOSE_ONLY.fullmatch(self.text, closing.start, closing.end):
            return []
        above = self.blocks[closing.index - 1]
        if len(self._words(above.start, above.end)) > 5:
            return []
        return [x for x in self.mentions.within(above.start, above.end) if x.kind == "person" and x.entity][:1]

    def handle_letters(self, state: _State, consumed: dict) -> None:
        """Session 41: a letter a telegram relays without quotation marks, between its greeting and its close
        (ingest/claims/letters.py), is its signer's, else the sender its lead-in names: one quotation per paragraph."""
        i = 1
        while i < len(self.blocks):
            free = (self.blocks[i].start, self.blocks[i].end) not in state.done and i not in consumed
            letter = find_letter(self.text, self.blocks, i) if free else None
            agent = self._letter_author(letter) if letter is not None else None
            if agent is None:
                i += 1
                continue
            for j in range(letter.first, letter.last + 1):
                b = self.blocks[j]
                greeting = SALUTATION.match(self.text, b.start, b.end) if j == letter.first else None
                a, e = greeting.end() if greeting else b.start, letter.text_end if j == letter.last else b.end
                if j not in consumed and len(self._words(a, e)) >= self.cues.min_words:
                    self._emit(a, e, _Decision("quotation", agent, "Dear", 0.7, "a letter the telegram relays, from its greeting to its close"))
                state.done.add((b.start, b.end))
            i = letter.last + 1

    def _letter_author(self, letter) -> Agent | None:
        signers = [x for x in self.mentions.within(letter.sign_start, letter.sign_end) if x.kind == "person" and x.entity]
        signer = signers[-1:] if len(signers) > 1 and re.search(r"\bfor\s+(?:\w+\s+){0,2}\Z", self.text[signers[0].end:signers[-1].start]) \
            else signers[:1]      # "Geoffrey Harrison (for Sir Ivone Kirkpatrick)"
        if signer:
            return agent_of_mentions(self.r, signer, "signed the letter the telegram relays")
        sender = self._named_sender(letter.lead)
        if sender:
            return agent_of_mentions(self.r, sender, "the sender the lead-in names")
        if self.from_department and _FROM_PRESIDENT.search(self.text, letter.lead.start, letter.lead.end):
            return self._american_president()
        return None

    def _united_states_holds(self, s: int, text: str) -> Agent | None:
        """Round 10: a position the Department's telegram states in the name of the United States, as its subject ("The
        U.S. is appalled that he has made public reference to Annex C…", "The U.S. cannot be put under pressure…", "US
        strongly hopes…"), is the United States' (the annotation guide, round 6); an instruction ("US influence …
        should be exercised…") stays the signer's."""
        if not self.from_department:
            return None
        m = _US_HOLDS.match(text)
        if m is None or " should " in text:
            return None
        us = [x for x in self.mentions.within(s + m.start("us"), s + m.end("us")) if x.kind == "country"][:1]
        agent = agent_of_mentions(self.r, us, "the United States, whose position the Department's telegram states") if us else None
        # the subject of a position, not of a reporting verb: it stays in `about` (the annotation counts it there)
        return replace(agent, mentions=()) if agent is not None else None

    def _quote_closes(self, i: int, within: int) -> int | None:
        return next((j for j in range(i, min(len(self.blocks), i + within))
                     if _QUOTE_CLOSE.search(self.text, self.blocks[j].start, self.blocks[j].end)), None)

    def _named_sender(self, lead_in: Block) -> list:
        """The sender a lead-in names: "the following message from the President", "Secretary Rogers issued today
        following press release:" (session 38)."""
        sender = next(([x for x in self.mentions.within(f.end(), f.end() + 40) if x.start == f.end()
                        and x.kind in ("person", "country", "organization")][:1]
                       for f in _MESSAGE_FROM.finditer(self.text, lead_in.start, lead_in.end)), [])
        return sender or [x for x in self.mentions.within(lead_in.start, lead_in.end)
                          if x.kind == "person" and (_ISSUED_FOLLOWING.match(self.text, x.end, lead_in.end)
                                                     or _WHOSE_TEXT.match(self.text, x.end, lead_in.end)
                                                     or _GIVEN_BY.search(self.text, lead_in.start, x.start))][:1]

    def _quoted_text_author(self, lead_in: Block, closing: Block) -> Agent | None:
        sender = self._named_sender(lead_in)
        if sender:
            return agent_of_mentions(self.r, sender, "the sender the lead-in names")
        signed = quoted_signature(self.r, self.mentions, (closing.start, closing.end))     # round 12: "Richard Nixon Unquote"
        if signed:
            return agent_of_mentions(self.r, signed, "signed the text the post hands over (the name before 'Unquote')")
        signed = self._signed_above_close(closing)
        if signed:
            return agent_of_mentions(self.r, signed, "signed the text the post hands over (the line above 'End text')")
        if self.from_department and _FROM_PRESIDENT.search(self.text, lead_in.start, lead_in.end):
            agent = self._american_president()
            if agent is not None:
                return agent
        host = host_country(self.r, self.text[lead_in.start:lead_in.end]) if not self.from_department else None
        if host is not None:        # round 12: "Foreign Minister … gave me following which is text of statement…"
            return Agent((host.iri,), (host.label,), "the government of the country whose official hands the post the text",
                         (host,), kinds=("country",))
        if not self.from_department:
            return None
        us = iris.country_iri("united-states")
        return Agent((us,), ("United States",), "the government on whose behalf the post hands over the text",
                     (ClaimAgent(iri=us, label="United States", kind="country"),), kinds=("country",))

    # ------------------------------------------------------------------ sentence typing
    def _speech(self, s: int, e: int, block: Block, state: _State, quote_frame: bool = False) -> _Decision | None:
        """A report: a reporting verb with its subject, or a source phrase ("In FonOff's view")."""
        t = self._outside_quotes(s, e)
        source = self._source_phrase(s, t) if _source_hint(t) else None
        if source is not None:
            return source
        note = self._note_speaks(s, t) or self._possessed_view(s, t, block, state) or self._named_view(s, state)
        if note is not None:
            return note
        cable = cable_sender(self.r, self.mentions, s, e)        # round 12: "USUN 1815 SUPPORTED OUR RECOMMENDATION…"
        if cable:
            agent = agent_of_mentions(self.r, cable, "the post whose telegram, cited by its number, the sentence reports")
            if agent is not None:
                return _Decision("report", agent, None, 0.6, "a telegram cited by its number as the subject", agent.mentions,
                                 view=True)     # what the cited telegram says ends there: the writer goes on
        office = self._office_position(s, t)
        if office is not None:
            return office
        matches = self._asserting_verbs(t)
        voice = self.voice_for(block, state)
        carried = self._subjectless(s, t, matches, block, state)
        if carried is not None:
            return carried
        matches = _main_clause_first(t, matches)
        for a, b, kind, verb in matches:
            # The first reporting verb whose subject we can read is the sentence's main one.
            sub = find_subject(self.r, s, s + a, s + b, self.mentions,
                               self._pronoun_ref(block, s, s + a, state), quote_frame=quote_frame,
                               people=self.people)
            posted = False
            if sub is None or sub.kind == "unknown":
                titled = self._opening_title(s, s + a) or self._latter(block, s, s + a) or self._title_at_verb(s, s + a)
                if titled is None:
                    titled = self._post_alone(s, t[:a])
                    posted = titled is not None       # what the post reports ends there: the writer goes on
                sub = Subject("agent", titled, titled.how) if titled is not None else sub
            host = host_country(self.r, t[:a]) if (sub is None or sub.kind == "unknown") and voice is not None \
                and not quote_frame and _HOST_BODY_OPENS.fullmatch(t, 0, a) else None
            if host is not None:
                # session 28: "Ministry wishes to bring to Embassy's attention…" in the Embassy's telegram: the host's
                agent = Agent((host.iri,), (host.label,), "the host government, whose ministry the embassy's telegram names",
                              kinds=("country",))
                return _Decision("report", agent, verb, 0.6, f"cue '{verb}', {agent.how}")
            if sub is None or (kind == "collective" and not _held_together(sub, t[:a], s)):
                continue
            if sub.kind == "unknown":
                if quote_frame:
                    return None
                if voice is None:
                    return _Decision("report", None, verb, 0.0, "speaker not identified")
                # "The Ambassador said…" with no linked name for "the Ambassador": the writer reports it.
                return _Decision("report", voice, verb, 0.45,
                                 f"cue '{verb}' whose speaker is not identified; attributed to the writer who reports it")
            if sub.kind == "first":
                if kind != "speech":
                    continue
                if state.relayed_points and voice is state.list_agent and self._block_voice is not None:
                    voice = self._block_voice    # session 27: "I said…" among the points Thuan made is the writer's
                if voice is None:
                    return _Decision("report", None, verb, 0.0, "the writer's own words, but the writer is not known")
                return _Decision("report", voice, verb, 0.7, f"the writer reports their own words (cue '{verb}')")
            if voice is not None and sub.agent.iris != voice.iris and (_WRITER_OPENS.match(t) or _WE_SHOULD.match(t)
                                                                     or _THAT_CLAUSE.search(t, max(0, a - 60), a)
                                                                     and not self._report_runs(state, voice, t[:a])
                                                                     or self.instruction_doc and (_ADDRESSEE_INSTRUCTED.match(t)
                                                                                                  or _POST_BY_CITY_INSTRUCTED.match(t))):
                # round 9: "(From this and other discussions, I got very clearly the impression that Nehru felt…": a
                # view nested in the writer's own clause is the writer's (as "He said Defense believed…" is his)
                return _Decision("report", voice, verb, 0.6, f"cue '{verb}' nested in the writer's own clause")
            ctype = "decision" if kind == "decision" else "report"
            if self._department_speaks_for_signer(sub.agent, voice):
                # session 19: "Department believes…", "Dept concurs…" in the Department's telegram signed "Herter"
                how = ("the Department that sends the telegram, which speaks in its signer's voice" if self.from_department
                       else "the department of the official who sends the paper, speaking of it")
                return _Decision(ctype, voice, verb, 0.7, f"cue '{verb}': {how}", sub.agent.mentions, view=True)
            conf = 0.8 if "subject" in sub.how or "relative" in sub.how or "after" in sub.how else 0.65
            return _Decision(ctype, sub.agent, verb, conf, f"cue '{verb}', {sub.how}", sub.agent.mentions,
                             then=self._later_speaker(s, t, b, sorted(matches)), attitude=kind in ("attitude", "collective", "view"),
                             view=kind == "view" or posted)
        return None

    def _source_phrase(self, s: int, t: str) -> _Decision | None:
        """A source phrase naming the claimant without a verb of theirs ("In FonOff's view", "according to X")."""
        for p in self.cues.source_phrases:
            m = p.search(t)
            if m and _SAID_THAT_BEFORE.search(t, 0, m.start()):
                continue     # session 40: "Gromyko said that in Sov view primary question is…": the speaker's words
            if m:
                a, b = s + m.start("who"), s + m.end("who")
                record_of = _RECORD_OF.match(self.text, a, b)
                if record_of is not None:
                    by = [x for x in _BY_OR_FROM.finditer(self.text, record_of.end(), b)]
                    if not by:
                        continue    # session 53: "According to the record of the Secretary's staff meeting…, Talbot reported"
                    a = by[-1].end()
                ms = [x for x in self.mentions.within(a, b) if x.kind in ("person", "organization")]
                if not ms and _GOVERNMENT_WHO.fullmatch(self.text, a, b):
                    # round 9: "In the opinion of the Netherlands Government, …": the country's government
                    ms = [x for x in self.mentions.within(a, b) if x.kind == "country"][:1]
                if not ms:
                    # session 28: "According to British, current Chairman…": the country named alone; session 29: or
                    # before its envoy ("Sherer learned from the French Charge in New York of…")
                    alone = bool(_ALONE_SOURCE.match(m.group(0)))
                    ms = [x for x in self.mentions.within(a, b) if x.kind == "country" and not self.text[a:x.start].strip(" the")
                          and (not self.text[x.end:b].strip() if alone else _ENVOY.match(self.text, x.end, b))][:1]
                agent = agent_of_mentions(self.r, ms, "named in a source phrase") if ms else None
                who = self.text[a:b].strip()
                if agent is None and not self.mentions.within(a, b) and _NAME_OR_TITLE.fullmatch(who):
                    # round 9: "I have assurances from Secretary-General that…": a title or a name no layer tagged
                    named = self.people.named(re.sub(r"['’]s?\Z", "", who))      # session 38: "in the Vice President's view"
                    agent = named_agent(named) if named is not None else None
                if agent:
                    # "I have assurances from Secretary-General that…": the writer's sentence; nothing of X's runs on after it
                    return _Decision("report", agent, m.group(0).strip()[:40], 0.75, f"cue '{m.group(0).strip()}'", agent.mentions,
                                     source=True, view=bool(_WRITER_OPENS.match(t)))
        return None

    def _possessed_view(self, s: int, t: str, block: Block, state: _State) -> _Decision | None:
        """Session 29: "His reply was that Americans … were involved.", "Their reason is that…": the view or answer of
        the one the possessive stands for, as "He replied that…" would be (not "His response was constructive": the
        writer's judgment of it)."""
        m = _POSSESSED_VIEW.match(t) or _IN_HIS_VIEW.match(t)
        if m is None:
            return None
        agent = self._pronoun_ref(block, s, s + m.start("pro"), state)
        fits = {"his": {"person"}, "her": {"person"}}.get(m.group("pro").lower(), {"person", "country", "organization"})
        if agent is None or not set(agent.kinds) <= fits or (self.voice is not None and agent.iris == self.voice.iris):
            return None
        return _Decision("report", agent, m.group(0).strip(), 0.6, f"cue '{m.group(0).strip()}', '{m.group('pro')}' read as "
                         f"{', '.join(agent.names)}", agent.mentions)

    def _named_view(self, s: int, state: _State) -> _Decision | None:
        """Session 47: "Wilson's argument is that…", "UK position appears to be that…": the view of the person, country or
        body named at the sentence's opening, as "Their position is that…" is theirs. A person's only with the possessive;
        a country's or a body's not inside a person's account, as the guide gives a government's wish inside its envoy's
        account to the envoy."""
        first = next((m for m in self.mentions.within(s, s + 80) if m.kind in ("person", "country", "organization")), None)
        if first is None or first.entity is None or not _VIEW_HOLDER_OPENS.fullmatch(self.text, s, first.start):
            return None
        m = _NAMED_VIEW.match(self.text, first.end)
        if m is None or (first.kind == "person" and not m.group("own")) or (first.kind != "person" and state.report is not None
                                                                                 and "person" in state.report.kinds):
            return None
        agent = agent_of_mentions(self.r, [first], "the one whose view it is")
        if agent is None or (self.voice is not None and agent.iris == self.voice.iris) or self._department_speaks_for_signer(agent, self.voice) \
                or (agent.iris == (_DEPARTMENT_OF_STATE,) and self.voice is not None and "person" in self.voice.kinds):
            return None         # "Dept view is that…" signed by the Secretary: his
        cue = self.text[first.start:m.end()].strip()
        return _Decision("report", agent, cue, 0.6, f"cue '{cue}': the view of {', '.join(agent.names)}", agent.mentions)

    def _asserting_verbs(self, t: str) -> list[tuple]:
        """The reporting verbs of the sentence that assert something: not an act ("called in"), not conceded, not in an
        embedded question, a condition or an object's relative clause."""
        return [(m.start, m.end, m.kind, m.text) for m in self.cues.reporting.finditer(t)
                if not self.cues.not_speech.match(t, m.start) and t[m.start - 1:m.start] != "-"      # not "well-informed"
                and not _CONCESSIVE.search(t, 0, m.start)
                and not _EMBEDDED_QUESTION.search(t, max(0, m.start - 80), m.start)
                and not (_QUESTION_AFTER.search(t, max(0, m.start - 80), m.start) and not _CHARACTERIZES.match(t, m.start))
                and not _NOT_ASSERTED.search(t, max(0, m.start - 80), m.start) and not _INFERRED.search(t, max(0, m.start - 50), m.start)
                and not (m.text.split()[0].endswith("s") and _NOT_YET.search(t, max(0, m.start - 60), m.start))
                and not (m.kind != "speech" and _WRITER_SEES.search(t, max(0, m.start - 20), m.start))]

    def _department_speaks_for_signer(self, agent: Agent, voice: Agent | None) -> bool:
        """Session 19: in a telegram from the Department of State that a person signs, "the Department" is the
        writer speaking of itself, as the annotation guide reads such a telegram ("a telegram of the Department signed
        by a person is that person's"); the post's own telegram is the same case (`_own_post_opens`). Session 28: so is
        the department of an official who sends a paper ("The Department further believes…" by the Secretary of State)."""
        if voice is None or voice.kinds != ("person",) or agent.iris == voice.iris:
            return False
        return (self.from_department and agent.iris == (_DEPARTMENT_OF_STATE,)) or agent.iris == self.writer_department

    def _writer_takes_over(self, text: str) -> bool:
        """A sentence that ends another's report: the writer's own narration ("I had made appointment…" after "King
        Hussein … said"), the Department's instruction to its posts ("POSTS SHOULD REVIEW GUIDANCE IN STATE 62535…",
        session 36; "Jerusalem should inform Burns…", session 37), a word on the document itself ("The purpose of this
        memorandum is…", session 37)."""
        return bool(_WRITER_OPENS.match(text) or _THIS_DOCUMENT.search(text) or self.instruction_doc and (
            _ADDRESSEE_INSTRUCTED.match(text) or _POST_BY_CITY_INSTRUCTED.match(text)))

    def _writer_takes_over_report(self, text: str, voice: Agent, state: _State) -> bool:
        """Whether the writer takes the sentence back from the report running on; among the points a relayed list gives
        (whose voice is the list's), by the first person only (session 40: "I have passed this information on to
        Harriman and Vance." among Dobrynin's points, frus1964-68v14 d283)."""
        return self._writer_takes_over(text) and (state.report.iris != voice.iris or state.relayed_points
                                                  and voice is state.list_agent and bool(_WRITER_OPENS.match(text)))

    def _writer_among_points(self, text: str, voice: Agent, state: _State) -> Agent:
        """Session 40: the writer's first-person sentence among relayed points ("I rate his comment on London as a mere
        debating point.", frus1964-68v14 d300) is the writer's, not the list's."""
        if state.relayed_points and voice is state.list_agent and self._block_voice is not None and _WRITER_OPENS.match(text):
            return self._block_voice
        return voice

    @staticmethod
    def _report_runs(state: _State, voice: Agent, before: str) -> bool:
        """Session 37: another person's account runs on ("…he said…. These two policies—and he was willing to grant that
        the Soviet Union really wanted disarmament—were incompatible."): a view nested in it is his, not the writer's; not
        a sentence opening on a noun and its "that" ("The impression that President Nasser felt…" stays the writer's)."""
        return state.report is not None and state.report.iris != voice.iris and "person" in state.report.kinds \
            and _NOUN_THAT_OPENS.match(before) is None and _WRITER_JUDGES.match(before) is None

    def _own_post_opens(self, t: str) -> bool:
        """Whether the sentence opens with the post the heading sends the telegram from ("Embassy officer…" in a
        telegram from the Embassy), not with a post the telegram addresses or names elsewhere."""
        m = _OWN_POST_OPENS.match(t) if self.post_kind in t else None
        return m is not None and self.post_kind == m.group("post").split()[0]

    def _post_alone(self, s: int, before: str) -> Agent | None:
        """Session 45: "Our Embassy reports that…", "The Embassy believes…" in a document no post sends (a memorandum of
        the Department, a record of a talk): the post is speaking, not the writer. It is the post of that kind the
        heading names, else the one the text named last by its place ("Our Embassy in Ankara…"), else the post as
        printed, local to the document."""
        m = _POST_ALONE_OPENS.fullmatch(before)
        if m is None or _writer_at_post(self.r.heading or "", m.group("post")):
            return None
        kind = m.group("post")
        heading = [p for _, p in heading_posts(self.r) if self.text.startswith(kind, p.start)]
        if len(heading) == 1:
            return agent_of_mentions(self.r, heading, f"'{m.group(0).strip()}': the {kind} the heading names")
        placed = re.compile(rf"\b(?:(?!(?:The|Our|This|That|Its|His|Their|An?|In|At)\b)[A-Z][\w’'-]+\s+)?{kind}\s+(?:in|at|to)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
        named = max(placed.finditer(self.text, self.r.body_start, s), key=lambda x: x.start(), default=None)
        label = " ".join(named.group(0).split()) if named is not None else kind
        return post_agent(self.r, label, f"'{m.group(0).strip()}': " + (
            f"the {kind} the text named last by its place" if named is not None else f"the {kind}, not the writer's own post"))

    def _message_sender(self, before: int) -> list:
        """The sender named last after 'message/letter from' before this offset ("a personal message from Kosygin")."""
        sent: list = []
        for f in _MESSAGE_FROM.finditer(self.text, self.r.body_start, before):
            sent = [x for x in self.mentions.within(f.end(), f.end() + 40) if x.start == f.end()
                    and x.kind in ("person", "country", "organization")][:1] or sent
        return sent

    def _note_speaks(self, s: int, t: str) -> _Decision | None:
        """Round 9: 'The note states…', 'the Dutch note states that…': a note summarised by the writer is the
        government's that sent it: the country named in the subject ("the Dutch note"), else the country or body
        first named in the sentence that first mentions the note ("The Netherlands Ambassador left with me today
        the attached note…"). Nobody found: no decision here (the writer's sentence)."""
        if not ("note" in t or "message" in t or "letter" in t or "moire" in t or "communication" in t or "points" in t
                or "version" in t or "draft" in t or "proposal" in t):
            return None
        points = _MESSAGE_POINTS.search(t) if "points" in t else None
        if points is not None:
            sender = self._message_sender(s)
            agent = agent_of_mentions(self.r, sender, "the sender of the message whose points the speaker gives") if sender else None
            if agent is not None:
                return _Decision("report", agent, points.group(0), 0.55, f"the points of {agent.describe()}'s message")
        m = _NOTE_SPEAKS.search(t)
        if m is None or m.start() > 200:
            return None
        a, b = s + m.start("adj"), s + m.end("adj")
        holders = [x for x in self.mentions.within(a, b) if x.kind in ("country", "organization") and x.entity]
        if m.group("noun") in _TEXT_NOUNS and not holders:
            return None          # session 28: "The ROK version accepts…" names its holder; "The draft provides…" does not
        if m.group("noun") in ("message", "letter"):
            # "The message said that similar letters have gone to Wilson and Pompidou." after "a personal message
            # from Kosygin": the sender named after "message from" earlier in the document, nobody else
            if holders:
                return None
            holders = self._message_sender(s)
        elif not holders:
            first = _NOTE_WORD.search(self.text, self.r.body_start, s + m.end())
            if first is None:
                return None
            blk = self.blocks[bisect.bisect_right(self.block_at, first.start()) - 1]
            sent = next(((x.start, x.end) for x in self.sentences[blk.index] if x.start <= first.start() < x.end), (blk.start, blk.end))
            holders = [x for x in self.mentions.within(sent[0], sent[1]) if x.kind in ("country", "organization")
                       and x.entity and x.start < first.start()]
            voice = set(self.voice.iris) if self.voice else set()
            holders = [x for x in holders if x.entity not in voice and not x.entity.endswith("/united-states")][:1]
        agent = agent_of_mentions(self.r, holders[:1], "the government whose note the writer summarises") if holders else None
        if agent is None:
            return None
        verb = m.group("verb")
        return _Decision("report", agent, verb, 0.6, f"cue '{m.group('noun')} {verb}': {agent.describe()}",
                         tuple(x for x in self.mentions.within(a, b)), view=m.group("noun") in _TEXT_NOUNS)

    def _office_position(self, s: int, t: str) -> _Decision | None:
        """'Our European Bureau is in favor of abstention…': an office of the writer's side that the
        sentence makes the holder of a position is the claimant, as a body local to the document."""
        m = _OFFICE_POSITION.match(t)
        if m is None:
            return None
        label = m.group("office")
        if m.group("official"):
            # round 9: the official, local to the document, labelled with the office and its post ("Minister at Kabul")
            label = " ".join((label + (m.group("where") or "")).split())
            iri = f"{iris.document_iri(self.r.volume.id, self.r.doc_id)}/persons/{iris.slug(label)}"
            detail = ClaimAgent(iri=iri, label=label, kind="person", local=True)
            agent = Agent((iri,), (label,), f"'{label}', an official named by office holding the view", (detail,), kinds=("person",))
            return _Decision("report", agent, m.group("cue"), 0.6, f"cue '{m.group('cue')}', {agent.how}")
        iri = f"{iris.document_iri(self.r.volume.id, self.r.doc_id)}/organizations/{iris.slug(label)}"
        detail = ClaimAgent(iri=iri, label=label, kind="organization", local=True)
        agent = Agent((iri,), (label,), f"'{label}', an office holding the position", (detail,), kinds=("organization",))
        return _Decision("report", agent, m.group("cue"), 0.6, f"cue '{m.group('cue')}', {agent.how}", view=True)

    def _recommended_by(self, s: int, cue_start: int, cue: str) -> Subject | None:
        """'Messrs. Gaud, Schnittker, and Schultze recommend that you approve…': the named subject of
        'recommend(s) that' / 'propose(s) that' holds the recommendation, not the writer who passes it on."""
        if not _THIRD_PARTY_PROPOSAL.match(cue):
            return None
        sub = find_subject(self.r, s, cue_start, cue_start + len(cue), self.mentions, None, people=self.people)
        return sub if sub is not None and sub.kind == "agent" else None

    def _later_speaker(self, s: int, t: str, after: int, matches: list) -> Agent | None:
        """'The Pres. asked if the Sec. talked to the Br. and Fr., and the Sec. said no.': the speaker of
        the sentence's last clause, who goes on in the sentences after it ("We are planning…")."""
        found = None
        for j in _NEXT_CLAUSE.finditer(t, after):
            cs = j.end()
            verb = next((x for x in matches if x[0] >= cs and x[2] in _SPEECH_ATTITUDE), None)
            if verb is None or _NEXT_CLAUSE.search(t, cs, verb[0]) or _PERFECT_BEFORE.search(t, cs, verb[0]):
                continue
            sub = find_subject(self.r, s + cs, s + verb[0], s + verb[1], self.mentions, None, people=self.people)
            if sub is None or sub.kind != "agent":
                titled = self._opening_title(s + cs, s + verb[0])
                sub = Subject("agent", titled, titled.how) if titled is not None else None
            found = sub.agent if sub is not None else found
        return found

    def _spoken_for(self, speech: _Decision, state: _State, voice: Agent | None) -> _Decision:
        """'Mr. Gromyko said…. The Soviet Union considered that…': a country or body that holds a view in
        the middle of a person's account is what that person says for it; the claim stays theirs."""
        speaker = state.report
        if speech.source and speech.agent.kinds and "person" not in speech.agent.kinds:
            return speech       # round 9: "From the viewpoint of the Department, however, …" names the view's holder
        if (speech.claim_type != "report" or speaker is None or "person" not in speaker.kinds
                or (voice is not None and speaker.iris == voice.iris)
                or (voice is not None and speech.agent.iris == voice.iris)    # round 11: "We reminded Kriangsak…" by
                or not speech.agent.kinds or "person" in speech.agent.kinds    # the writing post: its own words
                or all(_A_POST.match(n) for n in speech.agent.names)):     # session 45: "The Embassy also reported…"
            return speech
        bodies = ", ".join(speech.agent.names)
        state.relaying = True
        return _Decision("report", speaker, speech.cue, 0.6,
                         f"{bodies} holds the view in the account {', '.join(speaker.names)} is giving")

    def _relay_goes_on(self, block: Block, state: _State) -> Agent | None:
        """'3. HUANG SAID…. THE CHINESE GOVT HOPES…. / 4. THE CHINESE TABLE TENNIS ASSOCIATION WILL DESIGNATE…':
        a numbered paragraph right after one that ended on a government's message in a person's account
        (an envoy delivering it) goes on giving that message; any other paragraph starts afresh."""
        report, relaying = state.report, state.relaying
        state.report, state.relaying = None, False
        if report is not None and block.index > 0 and not self.transcript and _ITEM_GOES_ON.match(self.text, block.start, block.end) \
                and self.text[self.blocks[block.index - 1].start:self.blocks[block.index - 1].end].rstrip().endswith((":", ";")):
            state.relaying = relaying       # session 32: "Libya … has demanded: / a substantial increase…; / that the companies…"
            return report
        if report is None or not relaying or not block.enumerated or block.index == 0 \
                or not self.blocks[block.index - 1].enumerated or self.transcript:
            return None
        state.relaying = True
        return report

    def _opening_title(self, s: int, verb_start: int) -> Agent | None:
        """'Prime Minister in frank discussion with Turkish Minister stated…': a title opening the sentence
        is the subject of its reporting verb when no person and no other clause stand between them."""
        pre = self.text[s:verb_start]
        if _PASSIVE_END.search(pre):
            return None            # "The King is expected shortly to broadcast…": nobody's report
        m = _TITLE_OPENING.match(pre)
        aside = _TITLE_ASIDE.match(pre)       # "The President, in referring to Mr. Gromyko's remark…, said"
        if aside is not None and _PARENTHETICAL.fullmatch(pre, aside.end(1)):
            m = aside
        if m is None or self.people.title(m.group(1)) is None:
            return None
        printed = m.group(1)
        office = _OF_OFFICE.match(pre, m.end(1))
        if office is not None:
            # session 27: "The Secretary of Defense has concurred…" is no "Secretary" (the Secretary of State)
            longer = printed + office.group(0)
            if self.people.title(longer) is not None:
                printed = longer
            elif self.people.title(printed) == "secretary":
                return None
        apposed = _NAME_IN_APPOSITION.match(pre, m.end(1))
        if apposed is not None and not self.mentions.within(s + apposed.start("name"), s + apposed.end("name")):
            named = apposed_name(self.people, printed, apposed.group("name"))
            if named is not None:
                return named
        if m is not aside:
            if _CLAUSE_BREAK.search(pre, m.end(1)):
                return None
            if any(x.kind == "person" for x in self.mentions.within(s + m.end(1), verb_start)):
                return None
        named = self.people.named(printed)
        return named_agent(named) if named is not None else None

    def _title_at_verb(self, s: int, verb_start: int) -> Agent | None:
        """Session 36: "In connection with expression above views Foreign Minister stated he would consult…" (frus1948v01p2
        d79): a title right before its verb after an opening phrase, where the word before it is no preposition (not
        "…talked with the Foreign Minister, who stated")."""
        m = _TITLE_AT_VERB.search(self.text, s, verb_start)
        if m is None or m.start() == s or self.people.title(m.group("title")) is None \
                or (m.group("before") or "").lower() in _NOT_BEFORE_SUBJECT:
            return None
        named = self.people.named(m.group("title"))
        return named_agent(named) if named is not None else None

    def _relay(self, s: int, e: int, block: Block, state: _State) -> Agent | None:
        """The body or person whose views the numbered paragraphs after this lead-in relay, or None:
        named before the cue or in it ("a brief summary of U.S. views"), or "He called me…, making the
        following points." with "he" the person last named."""
        cue = self.cues.relay_lead.search(self.text, s, e)
        if cue is None:
            return None
        voice = set(self.voice.iris) if self.voice else set()
        named = [m for m in self.mentions.within(s, cue.end()) if m.kind in ("person", "organization", "country")
                 and m.entity not in voice]
        colon = _LEAD_COLON.search(self.text, cue.end(), e)
        lead_end = colon.start() if colon else e     # session 33: "…made following major points…: South … by Kim Il Sung."
        by = [m for m in self.mentions.within(cue.end(), lead_end) if m.kind in ("person", "organization", "country")
              and m.entity not in voice and _AFTER_BY.search(self.text, max(cue.end(), m.start - 40), m.start)]
        if by:
            # session 19: "the following were some of the points … emphasized by Mr. Thuan:" are Thuan's
            return agent_of_mentions(self.r, by[:1], f"named after 'by' in the lead-in '{cue.group(0)}' the numbered "
                                                     "paragraphs relay")
        titled_by = self._titled_after_by(cue.end(), lead_end, voice)
        if titled_by is not None:
            return titled_by
        subjects = [m for m in named if not _AFTER_PREPOSITION.search(self.text, max(s, m.start - 40), m.start)]
        if named and re.fullmatch(r",?\s+who\s+(?:\w+ly\s+|then\s+|also\s+)?", self.text[named[-1].end:cue.start()]):
            subjects = named[-1:]       # session 31: "…a conversation with … President Marcos, who made the following remarks:"
        maker = next((m for m in reversed(subjects) if _MAKES_THE_POINTS.fullmatch(self.text, m.end, cue.start())
                      and not _OF_BEFORE.search(self.text, max(s, m.start - 12), m.start)), None)
        if maker is not None:
            subjects = [maker]          # session 44: "Stressing that he was reflecting Arab attitudes toward the US, Ambassador Kamel made…"
        if _WRITER_LEADS.search(self.text, named[-1].end if named else s, cue.start()) \
                or _WRITERS_OWN.search(self.text, max(s, cue.start() - 30), cue.start()):
            return None     # session 20: "In any consideration involving … ROK forces…, I believe the following points…"
        if not subjects and named and _TELEGRAPHESE_LEAD.match(self.text, s, named[0].start):
            # session 31: "As result called in British Ambassador Johnston, made following points clear to him:" in Rifai's
            # account: the one whose report the paragraph gives, not the one named as the object
            speaker = state.report or state.last_speaker
            return speaker if speaker is not None and not set(speaker.iris) & voice else None
        if self.instruction_doc and (self.cues.instruction.search(self.text[s:cue.start()])
                                     or _ASKS_ADDRESSEE.match(self.text, s, cue.start())):
            return None     # session 34: "You should request … meeting with Mobutu to pass on to him message … based on following talking points"
        if _ADDRESSEE_TO_MAKE.search(self.text, s, cue.start()) \
                or self.instruction_doc and _TOLD_TO_MAKE.search(self.text, s, cue.start()):
            return None     # session 44: "Before making any explicit offer to the King, you should forcefully make the following points:"
        owner = next((m for m in self.mentions.within(cue.start(), cue.end()) if m.kind in ("person", "organization", "country")
                      and m.entity not in voice and _POSSESSIVE_AT.match(self.text, m.end)), None)
        if owner is not None:
            # session 43: "The principal points of President Suharto's reaction to your assurances … were:" are Suharto's
            return agent_of_mentions(self.r, [owner], f"whose points the lead-in '{cue.group(0)[:40]}…' relays")
        if subjects:
            # session 19: "In farewell call on Robertson June 9 Mukarto made following points:" are Mukarto's; session 29:
            # "Secretaries Rogers and Laird have cleared a note … incorporating the following points:" are both's
            chosen = subjects[:1]
            for m in subjects[1:]:
                if m.kind != chosen[-1].kind or not _JOINED.fullmatch(self.text, chosen[-1].end, m.start):
                    break
                chosen.append(m)
            return agent_of_mentions(self.r, chosen, f"named in the lead-in '{cue.group(0)}' the numbered paragraphs relay")
        if _PRONOUN_OPENS.match(self.text, s, cue.start()):
            return self._last_person_before(block, s)
        covered = [(m.start, m.end) for m in self.mentions.within(s, cue.end())]
        titled = [(at, iri, found) for at, iri, found in self.people.untagged(s, cue.end(), covered) if iri not in voice]
        if titled:
            # session 20: "The Senator's reaction to these telegrams was as follows:" are the Senator's
            at, iri, found = titled[0]
            return named_agent(found) if found is not None else self._titled_agent(at, iri)
        return None

    def _titled_after_by(self, start: int, end: int, voice: set[str]) -> Agent | None:
        """Session 29: "The following are some of the main points made by the Shah in this connection:": a title after
        "by" in the lead-in, where no mention names the one who made the points."""
        covered = [(m.start, m.end) for m in self.mentions.within(start, end)]
        for at, iri, found in self.people.untagged(start, end, covered):
            if iri not in voice and _AFTER_BY.search(self.text, max(start, at - 40), at):
                return named_agent(found) if found is not None else self._titled_agent(at, iri)
        return None

    def _last_person_before(self, block: Block, before: int) -> Agent | None:
        """The person named last before a pronoun that opens a lead-in ("…to President in Gettysburg. He
        called me…"; "Truman’s message was a turning point…. Specifically he:"), in this paragraph or
        the one before, by a linked mention or a title or name the document ties to a person."""
        floor = self.blocks[max(0, block.index - 1)].start
        voice = set(self.voice.iris) if self.voice else set()
        ms = [m for m in self.mentions.within(floor, before) if m.kind == "person" and m.entity not in voice]
        covered = [(m.start, m.end) for m in self.mentions.within(floor, before)]
        titled = [(at, iri, named) for at, iri, named in self.people.untagged(floor, before, covered) if iri not in voice]
        if titled and (not ms or titled[-1][0] > ms[-1].start):
            at, iri, named = titled[-1]
            return named_agent(named) if named is not None else self._titled_agent(at, iri)
        return agent_of_mentions(self.r, ms[-1:], "the person named last before the lead-in") if ms else None

    def _titled_agent(self, at: int, iri: str) -> Agent:
        """The person a title or name the entity layer did not tag stands for, named by the label the document gives."""
        label = next((lab for d in (*self.people.by_title.values(), *self.people.by_word.values())
                      for i, lab in d.items() if i == iri), iri.rsplit("/", 1)[-1])
        return named_agent(Named(iri, label, f"'{self.text[at:at + 20].split()[0]}' read as {label}"))

    def _opening_speaker(self, s: int, e: int, state: _State, voice: Agent | None = None) -> Agent | None:
        """The earlier speaker, other than the one whose report runs on, that opens this sentence by an
        initial or a title ("L receives…", "The Sec will give it more thought…"); session 32: or the writer by his
        title ("Ambassador reserved position re substance of note…" in Palmer's telegram, after the Minister's
        report)."""
        if state.report is None or self.r.is_editorial_note:
            return None
        if self.cues.first_person_attitude.search(self.text, s, e) and genre_of_heading(self.r.heading or "") == "telegram":
            return None         # session 32: "HAMDANI DID NOT GIVE DIRECT REPLY, BUT I BELIEVE…": the writer's view
        m = _OPENING_NAME.match(self.text, s)
        if m is None or _READ_IN_HIM.match(self.text, m.end()):
            return None         # session 32: "Sato clearly intends to proceed…": the writer's reading of him
        printed = m.group(1)
        agent = initial_speaker(self.r, printed, self.people)
        if agent is None and printed not in self.cues.sentence_starters:
            named = self.people.named(printed)
            agent = named_agent(named) if named is not None else None
        if agent is None or agent.iris == state.report.iris or (agent.iris not in state.speakers and not self._a_heading_party(agent, s, e)
                                                                 and not (voice is not None and agent.iris == voice.iris)):
            return None
        return agent

    def _a_heading_party(self, agent: Agent, s: int, e: int) -> bool:
        """Session 30: a party of a conversation's heading speaks before the text first says so ("The Sec is in favor…"),
        not where the writer is in the sentence ("The President went over with me the draft…")."""
        return not _FIRST_PERSON.search(self.text, s, e) and genre_of_heading(self.r.heading or "") in ("transcript", "memorandum of conversation") and len(agent.iris) == 1 \
            and agent.iris[0] in {party_person_iri(self.r, p) for p in self.r.parties}

    def _another_opens(self, s: int, speaker: Agent) -> bool:
        """Whether a person other than the one whose report runs on opens this sentence by a linked name."""
        first = next(iter(self.mentions.within(s, s + 60)), None)
        return (first is not None and first.kind == "person" and first.entity is not None
                and first.entity not in speaker.iris and _OPENING.fullmatch(self.text, s, first.start) is not None
                and not _POSSESSIVE_AT.match(self.text, first.end))

    def _subject_lead(self, s: int, e: int, block: Block, state: _State) -> bool:
        """'Specifically he:' — a lead-in that is only a subject: the items after it ("—announced that…",
        "—requested Congress…") are what that person said or did, reported."""
        if not _SUBJECT_LEAD.fullmatch(self.text, s, e):
            return False
        agent = self._last_person_before(block, s)
        if agent is None:
            return False
        state.list_type, state.list_agent, state.last_speaker = "report", agent, agent
        return True

    def _subjectless(self, s: int, t: str, matches: list, block: Block, state: _State) -> _Decision | None:
        """Telegraphese without a subject ("Said bases Polish policy were…", "Explained our programs…"):
        the speaker of the report this paragraph is giving, else the subject of the previous sentence
        ("Winiewicz gave discursive and general reply. Said…"), else the writer after "I answered…"."""
        opening = _SUBJECTLESS_OPENING.match(t)
        if not matches or opening is None or matches[0][0] != opening.end() or matches[0][2] != "speech":
            return None
        if _participle_clause_end(t, matches) is not None:
            return None
        verb = matches[0][3]
        if not (opening.group("adverb") or t[opening.end():opening.end() + 1].isupper()):
            return None
        voice = self.voice_for(block, state)
        agent = state.report or self._previous_subject(block, s, set(voice.iris) if voice else set())
        how = "the speaker of the report this paragraph gives" if state.report else "the subject of the previous sentence"
        if voice is not None and agent is not None and set(agent.iris) == set(voice.iris) and state.last_speaker is not None \
                and not set(state.last_speaker.iris) & set(voice.iris) and _HE_GOES_ON.search(self.text, max(block.start, s - 80), s):
            # session 35: "I made no reply so he continued talking. Said he had heard report…" (Subandrio, not the writer)
            agent, how = state.last_speaker, "the one the sentence before says went on talking"
        if agent is None and self._previous_opens_with_he(block, s):
            # session 38: "He spoke with fire and emotion…. Said Egypt has presently tremendous air advantage…" (Ben-Gurion)
            agent = self._last_person_before(block, s)
            how = "the one the sentence before calls 'he', the person named last"
        if agent is None:
            agent, how = voice, "the writer (no other speaker before it)"
        if agent is None:
            return None
        return _Decision("report", agent, verb, 0.6, f"'{verb[:1].upper() + verb[1:]} …' without a subject: {how}")

    def _previous_opens_with_he(self, block: Block, s: int) -> bool:
        earlier = [x for x in self.sentences[block.index] if x.end <= s]
        if not earlier and block.index > 0:
            earlier = self.sentences[block.index - 1][-1:]
        return bool(earlier) and _PRONOUN_OPENS.match(self.text, earlier[-1].start, earlier[-1].end) is not None

    def _attachment_voice(self) -> tuple[int, Agent] | None:
        """Session 32: an enclosure or attachment whose author differs from the covering note's: the block after the
        marker ("Enclosure:", "Attachment") and its author, from a "FROM:" line among the ten blocks after it ("FROM: /
        AF - David D. Newsom") or from the cover's "…memorandum prepared … by the Bureau of African Affairs."."""
        marker = next((b for b in self.blocks if _ATTACHMENT.fullmatch(self.text, b.start, b.end)), None)
        if marker is None:
            return None
        after = self.blocks[marker.index + 1:marker.index + 11]
        for i, b in enumerate(after[:-1]):
            if _FROM_LABEL.fullmatch(self.text, b.start, b.end):
                who = [m for m in self.mentions.within(after[i + 1].start, after[i + 1].end) if m.kind in ("person", "organization")]
                agent = agent_of_mentions(self.r, who[-1:], "the author the attachment's FROM line names") if who else None
                return (marker.index, agent) if agent else None
        by = _PREPARED_BY.search(self.text, self.r.body_start, marker.start)
        if by is None:
            return None
        end = self.text.find(".", by.end(), by.end() + 80)
        end = end if end > 0 else by.end() + 80
        how = "the author the covering note says prepared the enclosure"
        who = [m for m in self.mentions.within(by.end(), end) if m.kind in ("person", "organization")]
        if who:
            agent = agent_of_mentions(self.r, who[:1], how)
            return (marker.index, agent) if agent else None
        name = _BODY_NAME.match(self.text, by.end(), end)
        if name is None:
            return None
        label = name.group(0)
        iri = f"{iris.document_iri(self.r.volume.id, self.r.doc_id)}/organizations/{iris.slug(label)}"
        return marker.index, Agent((iri,), (label,), how, (ClaimAgent(iri=iri, label=label, kind="organization", local=True),),
                                   kinds=("organization",))

    def voice_for(self, block: Block, state: _State) -> Agent | None:
        if state.list_agent is not None and block.enumerated and block.index != state.relay_block:
            return state.list_agent
        return self._block_voice

    def _heard(self, speech: _Decision, state: _State, voice: Agent | None, text: str, at: int = -1) -> _Decision:
        """A sentence someone is heard saying: who the report runs on with, and who spoke last."""
        state.relaying = False
        outer = state.report
        speech = self._spoken_for(speech, state, voice)
        if speech.claim_type == "report":
            if speech.speaker_mentions or not (voice and speech.agent.iris == voice.iris):
                state.last_speaker = speech.agent     # also the writer named in the third person: "The President assured…"
                state.last_speaker_at = at
            if speech.then is not None:
                state.last_speaker, state.last_speaker_at = speech.then, at
            _note_speaker(state)
            state.report = speech.then or speech.agent
            state.speakers.update({speech.agent.iris, state.report.iris})
            if speech.cue and speech.then is None and _SO_TOO.match(text, text.find(speech.cue) + len(speech.cue)) \
                    and text.find(speech.cue) >= 0:
                state.report = None      # round 9: "The President thinks so too. It would be unfortunate…" is K's
            state.held_view = speech.attitude
            if speech.view and speech.then is None and self._block_voice is not None \
                    and (not self.transcript or speech.cue in self.cues.view_verbs):
                state.report = None     # "Our European Bureau is in favor of…. It is my own personal belief…"
            if self._nested_in(outer, speech, voice, text):
                state.report = outer
        return speech

    def _nested_in(self, outer: Agent | None, speech: _Decision, voice: Agent | None, text: str) -> bool:
        """Session 36: "…[the Secretary's account] Chairman Khrushchev had said to Mr. Salinger that the Soviets would not
        recognize…. In our modus vivendi paper we did not ask…" (frus1961-63v15 d59): words someone "had said", told in
        another's account, are theirs, and the account goes on after them."""
        if outer is None or "person" not in outer.kinds or outer.iris == speech.agent.iris or not speech.cue \
                or (voice is not None and outer.iris == voice.iris):
            return False
        at = text.find(speech.cue)
        return at > 0 and bool(_PLUPERFECT_BEFORE.search(text, 0, at))

    def _joint_with_writer(self, s: int, text: str, voice: Agent | None, state: _State) -> _Decision | None:
        """Round 11: "Middleton and I concur conditions for introduction of UK–US forces … are distinctly not propitious.":
        a view the writer holds with another person is both's, and so are the sentences that go on with it."""
        m = _JOINT_VIEW.match(text)
        if m is None or voice is None or len(voice.iris) != 1:
            return None
        named = [x for x in self.mentions.within(s + m.start("who"), s + m.end("who")) if x.kind in ("person", "organization")]
        other = agent_of_mentions(self.r, named[:1], "") if named else None
        if other is None and self.people is not None and not m.group("who").startswith(("He", "She", "They", "We")):
            found = self.people.named(m.group("who"))
            other = named_agent(found) if found is not None else None
        if other is None or other.iris == voice.iris:
            return None
        joint = Agent(voice.iris + other.iris, voice.names + other.names, f"the writer and {', '.join(other.names)}, together",
                      voice.details + other.details, other.mentions, voice.kinds + other.kinds)
        state.report, state.held_view = joint, True
        return _Decision("assessment", joint, m.group("verb"), 0.6, f"a view the writer holds with {', '.join(other.names)}")

    def _we_agreed(self, text: str, voice: Agent | None, state: _State) -> _Decision | None:
        """Session 30: "We agreed that a major problem was to find someone…" in a record of a talk: the writer and the
        one who spoke last, together; the sentence does not run on. Not in a telegram, whose "we" is its post."""
        other = state.last_speaker
        if not _WE_AGREED.match(text) or genre_of_heading(self.r.heading or "") == "telegram" or voice is None or len(voice.iris) != 1 or other is None or set(other.iris) & set(voice.iris) \
                or other.kinds != ("person",) * len(other.iris):
            return None
        joint = Agent(voice.iris + other.iris, voice.names + other.names, f"the writer and {', '.join(other.names)}, together",
                      voice.details + other.details, other.mentions, voice.kinds + other.kinds)
        state.report = None
        return _Decision("report", joint, "agreed", 0.55, f"'We agreed': the writer and {', '.join(other.names)}, who spoke last")

    def classify(self, s: int, e: int, block: Block, first_in_block: bool, state: _State) -> _Decision | None:
        text = self._outside_quotes(s, e)
        voice = self.voice_for(block, state)
        lead = re.match(r"[A-Za-z’']+", text.lstrip(" “\"(—–-"))
        imperative = bool(lead and lead.group(0)[0].isupper() and lead.group(0).lower() in self.cues.imperatives)
        joint = self._joint_with_writer(s, text, voice, state) or self._we_agreed(text, voice, state) \
            or (_both_agreed(self.text, s, state) or self._both_named(block, s, state)
                if text.lstrip(" “\"(—–-0123456789.)")[:5].lower() == "both " else None)
        if joint is not None:
            return joint
        speech = None if imperative else self._speech(s, e, block, state)   # "Don't worry … because he wants aid."
        shown = held_attitude(self.r, s, e, self.mentions, self.people, self.telegraphese) if speech is None and not imperative else None
        if shown is not None and not (voice is not None and set(shown[0].iris) & set(voice.iris)):
            # round 12: "The Ambassador seemed impressed by this list…": a state of mind the other party showed is his
            speech = _Decision("report", shown[0], shown[1], 0.6, f"a state of mind shown ('{shown[1]}')", shown[0].mentions,
                               attitude=True)
        own_post = voice is not None and bool(self.post_kind) and self._own_post_opens(text)
        if own_post:
            # round 9: "Embassy officer pointed out to Ileo…", "Embassy, however, is of opinion…" in the Embassy's
            # telegram: the writer's own words or view, which end the report running on
            state.report = None
            if speech is not None and speech.claim_type == "report":
                return _Decision("report", voice, speech.cue, 0.6, f"the writing post reports its own words (cue '{speech.cue}')")
            speech = None
        if speech is not None and speech.agent is None:
            state.report = None          # someone we cannot name speaks: no claim, and no carrying over
            return None
        if speech is not None:
            return self._heard(speech, state, voice, text, s)
        if ("message" in text or "letter" in text or "note" in text or "reply" in text) and _MESSAGE_JUDGED.match(text):
            state.report = None      # round 9: "The message is somewhat moderate, but…": the speaker judges it
        both = _both_agreed(self.text, s, state)
        if both is not None:
            return both
        other = self._opening_speaker(s, e, state, voice)
        if other is not None:
            # "L said …. It is very far-reaching etc. The Sec will give it more thought…": another speaker
            # of the call opening the sentence takes the report over.
            state.report = other
            if voice is not None and other.iris == voice.iris and genre_of_heading(self.r.heading or "") != "transcript":
                state.last_speaker, state.last_speaker_at = other, s     # "…He added that we would certainly give note…"
            return _Decision("report", other, None, 0.55, f"{', '.join(other.names)}, a speaker of the document, opens the sentence")
        if state.report is not None and state.held_view and not (voice and state.report.iris == voice.iris) \
                and self._another_opens(s, state.report):
            state.report = None      # "Arthur Burns is concerned…. George Shultz will head a small group…": the writer's narration
            # (after words spoken, "Gromyko said…. Khrushchev was in a difficult position." goes on as his report)
        if state.report is not None and voice is not None and _WRITER_TELEGRAPHESE.match(text) and not self.transcript:
            state.report = None      # round 9: "Believe commission should be more broadly representative…" is the writer's
        if state.report is not None and voice is not None and _WRITER_SURMISES.match(text) and not self.transcript:
            state.report = None      # session 30: "Presumably the remaining 56 per cent would be idle.": the writer's surmise
        if state.report is not None and voice is not None and text.startswith("(") and state.report.iris != voice.iris:
            state.report = None      # session 33: "(Note: He did not elaborate…)", "(King had figures on his desk…": an aside
        if state.report is not None and _MEETING_NARRATED.match(text):
            state.report = None      # round 11: "The matter was left up in the air there.": the recorder narrates the meeting
        if state.report is not None and voice is not None and self._writer_takes_over_report(text, voice, state):
            state.report = None      # the writer's own narration, instruction, or word on the document itself
        if state.report is not None and self.from_department and state.report.iris == (_US,) and _WE_OPENS.match(text):
            state.report = None      # round 12: "US believes…. We do point out…": the signer, not the government's position
        if state.report is not None and voice is not None and _WE_OPENS.match(text) and state.report.iris != voice.iris \
                and (self.telephone or not set(state.report.kinds) & {"person"}):
            state.report = None      # session 29: "WE MUST PLAN ON THE POSSIBILITY…" after Algeria's view: the writer's
        if state.report is not None and voice is not None and (self._speaker_judged(s, e, state.report) or _ACT_NARRATED.match(text)):
            state.report = None      # session 38: "Even making allowance for rhetoric, Gaylard’s analysis reflects…"; 39: an act
        if state.report is not None and not self.r.is_editorial_note and not self.cues.first_person_attitude.search(text):
            if self._carried(s, e, text, block, first_in_block, state, "A", state.report, voice):
                return _Decision("report", state.report, None, 0.55, "continues the report begun earlier in the paragraph")
            self._refused_from = state.report
            state.report = None      # round 13: learned, the writer takes the sentence back (carry.py)
        if voice is None:
            return None
        state.report = None
        decided = self._writer_decides(s, text, self._writer_among_points(text, voice, state), block, first_in_block, state)
        other = state.last_speaker
        if decided is not None and other is not None and other.iris != voice.iris and decided.agent.iris == voice.iris \
                and decided.claim_type in ("assessment", "report") and not own_post and not _WRITER_OPENS.match(text) \
                and self._carried(s, e, text, block, first_in_block, state, "B", other, voice):
            state.report = other     # round 13: learned, the account heard last runs on (carry.py)
            return _Decision("report", other, decided.cue, 0.5, f"goes on with the account of {', '.join(other.names)} "
                             "heard before (learned choice, round 13)")
        return decided

    def _writer_decides(self, s: int, text: str, voice: Agent, block: Block, first_in_block: bool,
                        state: _State) -> _Decision:
        """The writer's own sentence: its type by cue (decision, recommendation, event, else assessment)."""
        holder = self._united_states_holds(s, text)
        if holder is not None:
            voice = holder               # round 10: "The U.S. is appalled that…" in the Department's telegram
        if first_in_block and block.enumerated and state.list_type:
            return _Decision(state.list_type, voice, None, 0.6, f"an item of a list introduced as {state.list_type}")
        for p in (self.cues.decision, self.cues.instruction) if self.instruction_doc else (self.cues.decision,):
            m = p.search(text)
            if m:
                return _Decision("decision", voice, m.group(0).strip(), 0.75, f"cue '{m.group(0).strip()}'")
        masked = self.cues.not_recommendation.sub(lambda x: " " * len(x.group(0)), text)
        m = self.cues.recommendation.search(masked)
        if m:
            by = self._recommended_by(s, s + m.start(), m.group(0))
            if by is not None:
                return _Decision("recommendation", by.agent, m.group(0).strip(), 0.7, f"cue '{m.group(0).strip()}', {by.how}", by.agent.mentions)
            return _Decision("recommendation", voice, m.group(0).strip(), 0.75, f"cue '{m.group(0).strip()}'")
        first_word = re.match(r"[A-Za-z’']+", text.lstrip(" “\"(—–-"))
        if first_word and first_word.group(0).lower() in self.cues.imperatives and first_word.group(0)[0].isupper():
            return _Decision("recommendation", voice, first_word.group(0), 0.6,
                             f"an imperative ('{first_word.group(0)} …') in the writer's voice")
        m = self.cues.event_patterns.search(text)
        if m:
            cue = m.group(0).strip()[:40]
            return _Decision("report", voice, cue, 0.6, f"narrates what was done (cue '{cue}')")
        return _Decision("assessment", voice, None, 0.5, "a statement in the writer's own voice, no other cue")

    def _speaker_judged(self, s: int, e: int, report: Agent) -> bool:
        """Session 38: the one whose report runs on, named in the possessive ("Even making allowance for rhetoric, Gaylard’s
        analysis reflects the current state of Rhodesian thinking.", frus1969-76v28 d221): the writer judging what he said."""
        return any(m.entity in report.iris and self.text.startswith(("’s", "'s"), m.end) for m in self.mentions.within(s, e))

    def _backshifted(self, s: int, e: int, text: str, other: Agent) -> bool:
        """Session 40: in a telegram or a memorandum (minutes), a sentence told in the backshifted tense of reported speech ("A majority of the
        leadership … had fought to the last to prevent a reply.", "The meetings … could be strung out…") that neither
        names the speaker again nor speaks in the first person goes on with his report."""
        return genre_of_heading(self.r.heading or "") in ("telegram", "memorandum") and bool(_BACKSHIFT.search(text)) \
            and not _FIRST_PERSON_ANY.search(text) and not text.lstrip().startswith("(") \
            and not any(m.entity in other.iris for m in self.mentions.within(s, e))

    def _country_goes_on(self, s: int, e: int, text: str, other: Agent) -> bool:
        """Session 42: a country's position runs on where the sentence names it again or opens on "It"."""
        return bool(_COUNTRY_IT.match(text)) or any(m.entity in other.iris for m in self.mentions.within(s, e))

    def _carried(self, s: int, e: int, text: str, block: Block, first_in_block: bool, state: _State, point: str,
                 other: Agent, voice: Agent | None) -> bool:
        """Round 13: does the sentence go to `other` (A: the report running on; B: the speaker heard last) rather
        than to the writer? The rules' answer is A: yes, B: no; a shipped model (carry.py) may turn either."""
        rules = point == "A"
        if voice is None or (self.carrier is None and self.carry_log is None):
            return rules
        if rules and not {"person", "country"} & set(other.kinds):
            return rules         # a body's view runs on as the guide says ("the considered view of … the CPC")
        if rules and self._backshifted(s, e, text, other):
            return True
        if rules and "person" not in other.kinds and self._country_goes_on(s, e, text, other):
            return True
        heard = bisect.bisect_right(self.block_at, state.last_speaker_at) - 1 if state.last_speaker_at >= 0 else -1
        named = self.mentions.within(s, e)
        opener = next((m for m in named if m.kind == "person" and m.entity), None)
        ctx = Context(
            text=text, point=point, genre=genre_of_heading(self.r.heading or ""), enumerated=block.enumerated,
            first_in_block=first_in_block,
            sentence_index=next((i for i, x in enumerate(self.sentences[block.index]) if x.start <= s < x.end), 0),
            blocks_since_speaker=block.index - heard if heard >= 0 else 9,
            speaker_is_person="person" in other.kinds,
            speaker_named=any(m.entity in other.iris for m in named),
            other_person_opens=opener is not None and opener.start - s < 40 and opener.entity not in other.iris
            and opener.entity not in voice.iris,
            previous_other=self._previous_other)
        if self.carry_log is not None:
            self.carry_log.append((s, e, ctx, other, voice))
            return rules
        return self.carrier.others(ctx)

    # ------------------------------------------------------------------ main loop
    def run(self) -> list[Claim]:
        state = _State()
        last_label: Agent | None = None
        label_alone: tuple[int, Agent] | None = None     # (the block it speaks, its speaker)
        consumed = self.handle_quotes(state)
        self.handle_quote_unquote(state)
        self.handle_letters(state, consumed)
        for block in self.blocks:
            state.report = self._relay_goes_on(block, state)
            self._block_voice = self._attached[1] if self._attached and block.index > self._attached[0] else self.voice
            if self._attached and block.index == self._attached[0] + 1:
                state.report = state.last_speaker = None
            if (block.start, block.end) in state.done:
                continue
            if not block.enumerated or self._list_ends(block, state):
                state.report = self._lead_goes_on(block, state) or state.report
                state.list_type = state.list_agent = None
            t = self.text[block.start:block.end].strip()
            for ctype, pattern in self.cues.list_titles.items():
                if pattern.match(t):
                    state.list_type, state.list_agent = ctype, self.voice
            alone = self._label_alone(block, t)
            if alone is not None:
                last_label, label_alone = alone, (block.index + 1, alone)
                continue
            if self.block_skip(block):
                continue
            label = label_speaker(self.r, block.start, block.end, self.mentions, self.cues, self.people)
            label_end = block.start
            if label is not None:
                label_end, speaker = label
                if speaker is not None:
                    self._block_voice = last_label = speaker
                    self.turn_speakers.update(speaker.iris)
                state.last_speaker = None     # session 54: also after "Justification:", a new section of the memorandum
            elif label_alone is not None and label_alone[0] == block.index:
                self._block_voice = last_label = label_alone[1]  # round 10: "[Butz:]" on its own line before his paragraph
                state.last_speaker = None
            elif last_label is not None and self.transcript:
                self._block_voice = last_label      # a transcript paragraph without a label: the same speaker goes on
            quoted = [(a, b) for a, b, _ in consumed.get(block.index, [])]
            for sent in self.sentences[block.index]:
                s, e = max(sent.start, label_end), sent.end
                self.people.at = s
                taken = quoted + self.inline_taken.get(block.index, [])
                if any(a < e and s < b for a, b in taken):
                    continue
                if self._subject_lead(s, e, block, state):
                    continue
                if self.skip_reason(s, e, block):
                    self._relayed_by(s, e, block, state)    # session 20: "…reaction … was as follows:" is no claim
                    self._as_follows(s, e, block, state)
                    continue
                if self.inline_quotation(s, e, block, state):
                    continue
                if _COMMENT_OPENS.match(self.text, s, e):
                    state.report = state.last_speaker = None      # session 31: "COMMENT: …" is the writer's again
                self._refused_from = None
                d = self.classify(s, e, block, sent.first, state)
                if d is None:
                    self._relayed_by(s, e, block, state)
                    continue
                self._previous_other = self.voice is not None and d.agent.iris != self.voice.iris
                self._resume_between(block, s, e, d)
                self._emit(s, e, d)
                if self.text[s:e].rstrip("*_ ").endswith(":") and d.claim_type in ("recommendation", "decision", "report"):
                    item = state.list_agent is not None and _enumerator_kind(self.text, block) == state.list_item_kind
                    state.list_type, state.list_agent = d.claim_type, d.agent
                    if not item:     # session 37: an item ending on a colon ("(B) Make credit available…:") leads no new list
                        state.list_lead_kind, state.list_item_kind = _enumerator_kind(self.text, block), None
                    state.relayed_points = not _TEXT_RELAYED.search(self.text, s, e)  # "Thuan reported following items:"
                    if d.claim_type == "report" and self.voice is not None and _ASKED_WRITER.search(self.text, s, e):
                        state.list_type, state.list_agent = None, self.voice
                self._relayed_by(s, e, block, state)
        self.claims.sort(key=lambda c: (c.start, c.end))
        return self.claims

    def _resume_between(self, block: Block, s: int, e: int, d: _Decision) -> None:
        """Session 40: sentences the carry model gave back to the writer, between two sentences of one speaker's
        account in one paragraph ("Osman said…. It was feared…. Osman added…"), are that speaker's."""
        pending = self._between
        writer_default = d.claim_type == "assessment" and d.cue is None and self.voice is not None and d.agent.iris == self.voice.iris
        if pending is not None and pending[0] == block.index and writer_default and self._refused_from is None \
                and not self._names_another(s, e, pending[1]):
            pending[2].append(len(self.claims))
            return
        self._between = None
        if pending is not None and pending[0] == block.index and d.agent is not None and d.agent.iris == pending[1].iris \
                and not d.why.startswith("continues"):
            for i in pending[2]:
                c = self.claims[i]
                self.claims[i] = None
                self._emit(c.start, c.end, _Decision("report", pending[1], None, 0.5,
                                                     f"between two sentences of {', '.join(pending[1].names)}'s account"))
                self.claims[i] = self.claims.pop()
        if self._refused_from is not None and writer_default and self._refused_from.iris != self.voice.iris:
            self._between = (block.index, self._refused_from, [len(self.claims)])

    def _names_another(self, s: int, e: int, speaker: Agent) -> bool:
        """A person other than the speaker and the writer is named near the sentence's opening ("Mr. Morrison (S/P)
        … was instructed to draw up a draft agreement")."""
        return any(m.kind == "person" and m.entity and m.start - s < 40 and m.entity not in speaker.iris
                   for m in self.mentions.within(s, e))

    def _as_follows(self, s: int, e: int, block: Block, state: _State) -> None:
        """Session 36: "…, the Defense Minister commented on the decision of Chancellor Adenauer … as follows:" is no
        claim of its own (a formula), but what follows it is the speaker's, as after any lead-in that reports."""
        if state.list_agent is not None or not _AS_FOLLOWS.search(self.text, s, e):
            return
        d = self.classify(s, e, block, False, state)
        if d is None or d.claim_type != "report" or d.agent is None or (self.voice is not None and d.agent.iris == self.voice.iris):
            return
        state.list_type, state.list_agent = "report", d.agent
        state.list_lead_kind, state.list_item_kind = _enumerator_kind(self.text, block), None
        state.relayed_points = True

    def _lead_goes_on(self, block: Block, state: _State) -> Agent | None:
        """Session 36: "…the Defense Minister commented on the decision of Chancellor Adenauer … as follows: / Newspaper
        speculation that the Chancellor was ill … are wholly wrong." (frus1958-60v08 d264): a paragraph, not numbered,
        right after a lead-in that ends on a colon and gives another's words, begins their account."""
        if block.enumerated or block.index == 0 or state.list_agent is None or state.list_type not in (None, "report") \
                or (self.voice is not None and set(state.list_agent.iris) == set(self.voice.iris)):
            return None
        before = self.blocks[block.index - 1]
        return state.list_agent if self.text[before.start:before.end].rstrip("*_ ").endswith(":") else None

    def _list_ends(self, block: Block, state: _State) -> bool:
        """Session 30: a paragraph numbered as the lead-in was, after items lettered under it ("2. … following points:",
        "A) …", "B) …", "4. Presumably démarche…"), is the writer's again."""
        if state.list_agent is None:
            return False
        kind = _enumerator_kind(self.text, block)
        if state.list_item_kind is None:
            state.list_item_kind = kind
            return False
        return state.list_item_kind == "letter" and kind == state.list_lead_kind == "digit"

    def _relayed_by(self, s: int, e: int, block: Block, state: _State) -> None:
        """After a lead-in that relays someone's views, the numbered paragraphs that follow are theirs."""
        relayed = self._relay(s, e, block, state)
        colon = _LEAD_COLON.search(self.text, self.cues.relay_lead.search(self.text, s, e).end(), e) if relayed else None
        if colon is not None and self.text[colon.end():block.end].strip():
            state.report = relayed    # session 33: the points follow the lead-in's colon in its own paragraph
            return
        if relayed is not None:
            state.list_type, state.list_agent, state.relay_block = None, relayed, block.index
            state.list_lead_kind, state.list_item_kind = _enumerator_kind(self.text, block), None
            state.relayed_points = not _TEXT_RELAYED.search(self.text, s, e)
            state.last_speaker = relayed if "person" in relayed.kinds else state.last_speaker

    def _label_alone(self, block: Block, t: str) -> Agent | None:
        """Round 10: a speaker label on a line of its own ("[Butz:]" over his paragraph in a Cabinet meeting's
        memorandum, "The President:"): the speaker of the paragraph that follows."""
        if len(t) > 44 or not t.endswith((":", ":]")) or not _LABEL_ALONE.fullmatch(t) or block.index + 1 >= len(self.blocks):
            return None
        found = label_speaker(self.r, block.start, self.blocks[block.index + 1].end, self.mentions, self.cues, self.people)
        if found is None and t.startswith("The "):
            # session 31: "The National Security Council:" over its record of actions ("Noted the President’s approval…")
            body = [m for m in self.mentions.within(block.start, block.end) if m.kind == "organization" and m.entity]
            if len(body) == 1 and re.fullmatch(r"The\s+", self.text[block.start:body[0].start]) \
                    and re.fullmatch(r"\s*:", self.text[body[0].end:block.end]):
                return agent_of_mentions(self.r, body, f"the body whose record of actions '{t}' heads")
        return found[1] if found is not None else None

    def inline_quotation(self, s: int, e: int, block: Block, state: _State) -> bool:
        """A quotation inside the sentence with a speaker: emits the quotation claim (the quoted words
        when they follow a frame such as "De Gaulle stated, “…”", else the whole sentence) and returns
        True; a quoted question is consumed without a claim."""
        qs = [q for q in self.quotes_in.get(block.index, []) if q.first_block == q.last_block == block.index and s <= q.start and q.end <= block.end
              and q.start < e and len(self._words(q.start, q.end)) >= self.cues.quotation_min_words]
        if not qs:
            return False
        q = qs[0]
        quoted = self.text[q.start:q.end].rstrip()
        frame = self.text[s:q.start - 1]
        speech = self._speech(s, e, block, state)
        agent, cue, conf, how = None, None, 0.0, ""
        if speech is not None and speech.claim_type == "report" and speech.agent is not None:
            agent, cue, conf, how = speech.agent, speech.cue, speech.confidence, speech.why
        elif state.report is not None:
            agent, cue, conf, how = state.report, None, 0.55, "continues the report begun earlier in the paragraph"
        if agent is None:
            return False
        state.last_speaker = agent if not (self._block_voice and agent.iris == self._block_voice.iris) else state.last_speaker
        state.report = agent
        # round 10: a frame that states content of its own ("The Secretary indicated that while it would be a great
        # mistake…, and, he concluded, “You might meet with a response.”") keeps the sentence as the unit
        whole = frame.rstrip().endswith((",", ":")) and quoted[:1].isupper() and not (" that " in frame and len(frame.split()) > 15)
        if _QUESTION.search(quoted):
            self._consume(block, q.start, q.end)
            return True
        d = _Decision("quotation", agent, cue, conf, how + "; the words are quoted")
        if whole:
            self._emit(q.start, q.end, d)
            self._consume(block, q.start, q.end)
        else:
            end = max(e, next((x.end for x in self.sentences[block.index] if x.start <= q.end <= x.end), e))
            self._emit(s, end, d)
            self._consume(block, s, end)
        return True

    def _consume(self, block: Block, s: int, e: int) -> None:
        self.inline_taken.setdefault(block.index, []).append((s, e))


def claims_of(record: DocumentRecord, cues: Cues | None = None) -> list[Claim]:
    """The claims of one document, without changing the record."""
    cues = cues or load_cues()
    return link_local_claimants(record, _Extractor(in_mixed_case(record, cues), cues, load_carrier()).run())


def carry_points(record: DocumentRecord, cues: Cues | None = None) -> tuple[list[Claim], list[tuple]]:
    """The rules' claims and every point where carry.py's model would be asked, with the rules alone deciding:
    the claims, and (start, end, Context, the other agent, the writer) per point. For fitting the model
    (bench/claims_carry.py)."""
    cues = cues or load_cues()
    log: list[tuple] = []
    claims = _Extractor(in_mixed_case(record, cues), cues, None, log).run()
    return claims, log


def extract_claims(record: DocumentRecord) -> None:
    """Pipeline hook: replace record.claims with the claims found in the body."""
    record.claims[:] = claims_of(record)
