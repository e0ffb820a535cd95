"""General patterns of news writing, one sentence at a time (not the gold articles)."""

from __future__ import annotations

from factcheck.extract.article import extract_article
from factcheck.ingest.layout import clean_body


def claims_of(body: str, headline: str = "A headline about events"):
    return extract_article(headline, None, body)[0]


def people_of(body: str) -> set[str]:
    return {
        m.name for m in extract_article("A headline", None, body)[1] if m.actor_type == "person"
    }


def direct(claims):
    return [(c.claim_text, c.speaker_name) for c in claims if c.claim_type == "direct_quote"]


def test_quote_right_after_a_speech_verb_is_direct():
    claims = claims_of('Mayor Jane Holloway said on Friday "We will rebuild the bridge by June."')
    assert direct(claims) == [("We will rebuild the bridge by June.", "Jane Holloway")]


def test_quote_woven_into_the_sentence_stays_partial():
    claims = claims_of('Mayor Jane Holloway said the plan was "a costly mistake for the city".')
    assert direct(claims) == []
    assert any(c.claim_type == "partial_quote" for c in claims)


def test_sentence_ends_at_a_closing_quote_followed_by_a_new_sentence():
    body = (
        'Minister Tom Avery said "The budget is balanced." '
        'Opposition leader Rita Okafor said "It is not balanced at all."'
    )
    assert direct(claims_of(body)) == [
        ("The budget is balanced.", "Tom Avery"),
        ("It is not balanced at all.", "Rita Okafor"),
    ]


def test_person_of_an_organisation_is_the_speaker():
    body = 'Karen Lindqvist of the Nordic Water Institute said, "Levels are the lowest on record."'
    [(_, speaker)] = direct(claims_of(body))
    assert speaker == "Karen Lindqvist"
    mentions = extract_article("A headline", None, body)[1]
    assert ("Nordic Water Institute", "organization") in {(m.name, m.actor_type) for m in mentions}


def test_place_before_a_name_is_part_of_the_title():
    body = 'The Mayor of Brackford Peter Lund said, "The roads will reopen tomorrow morning."'
    assert direct(claims_of(body)) == [("The roads will reopen tomorrow morning.", "Peter Lund")]


def test_pronoun_skips_people_named_inside_quotes_and_possessors():
    body = (
        "Senator Maria Duarte criticised Governor Alan Pike's budget on Tuesday.\n\n"
        '"I spoke with Tom Reyes about it," she said.'
    )
    assert direct(claims_of(body)) == [("I spoke with Tom Reyes about it", "Maria Duarte")]


def test_capitalised_pairs_need_evidence_to_be_people():
    body = (
        "The Civic Forum Platform met at Harbour View Hall on Monday. "
        "Engineer Olu Badmus attended, and so did Priya Raman. Badmus spoke first."
    )
    people = people_of(body)
    assert "Olu Badmus" in people  # a title before the name
    assert "Priya Raman" in people  # a known given name
    assert not {"Harbour View Hall", "Civic Forum Platform", "View Hall"} & people


def test_ordinary_words_are_not_a_name():
    people = people_of("He thanked the Health Care workers and said Rest In Peace to Mr Dunn.")
    assert not {"Health Care", "Rest In Peace"} & people


def test_list_of_two_people_is_two_people():
    assert {"Anna Kowal", "Nicolas Bertin"} <= people_of(
        "Officers Anna Kowal and Nicolas Bertin were suspended."
    )


def test_reported_speech_needs_a_clause():
    claims = claims_of("Governor Alan Pike announced the new budget plan on Tuesday.")
    assert not [c for c in claims if c.claim_type == "reported_speech"]
    claims = claims_of("Governor Alan Pike announced that the budget would be cut by 5%.")
    [reported] = [c for c in claims if c.claim_type == "reported_speech"]
    assert reported.speaker_name == "Alan Pike"


def test_unnamed_sources_report_without_an_actor():
    claims = claims_of("The suspect fled the scene in a red car, police said.")
    [reported] = [c for c in claims if c.claim_type == "reported_speech"]
    assert reported.speaker_type is None


def test_words_before_a_colon_quote_are_reported_speech():
    body = 'Dr Lena Fox told the press the trial had ended early: "The results were clear."'
    claims = claims_of(body)
    assert direct(claims) == [("The results were clear.", "Lena Fox")]
    assert [c.claim_text for c in claims if c.claim_type == "reported_speech"] == [
        "the trial had ended early"
    ]


def test_picture_captions_are_page_furniture():
    kept, removed = clean_body(
        ["The march ended at noon.", "Protesters at the march. Image: Jane Doe (flickr)."]
    )
    assert kept == ["The march ended at noon."]
    assert removed == ["Protesters at the march. Image: Jane Doe (flickr)."]


# Who said it: attribution on news the project has never seen (invented sentences).


def speakers(claims, claim_type: str) -> list[tuple[str, str | None]]:
    return [(c.claim_text, c.speaker_name) for c in claims if c.claim_type == claim_type]


def reported(body: str) -> list[tuple[str, str | None]]:
    return speakers(claims_of(body), "reported_speech")


def test_partial_quote_in_a_reported_clause_takes_its_speaker():
    body = 'Governor Ann Whitley said the county was "failing its children" again.'
    assert speakers(claims_of(body), "partial_quote") == [("failing its children", "Ann Whitley")]
    body = 'Senator Paul Brandt called the proposal "dead on arrival."'
    assert speakers(claims_of(body), "partial_quote") == [("dead on arrival", "Paul Brandt")]


def test_scare_quotes_and_titles_stay_unattributed():
    body = 'Mayor Lena Ortiz said the "Green Deal" would pass. The so-called "experts" were silent.'
    assert speakers(claims_of(body), "partial_quote") == [
        ("Green Deal", None),
        ("experts", None),
    ]


def test_he_and_she_agree_with_their_antecedent():
    body = (
        "Senator Mary Collins met Governor Tom Reyes on Monday. "
        "“We agreed on nothing at all,” she said."
    )
    assert direct(claims_of(body)) == [("We agreed on nothing at all", "Mary Collins")]


def test_the_subject_of_a_passage_keeps_its_he_said():
    body = (
        "Barack Obama told a crowd in Ohio that the stakes were high. "
        "He asked the voters to consider Hillary Clinton and Bernie Sanders. "
        "“This is the most important election of our lives,” he said."
    )
    assert direct(claims_of(body)) == [
        ("This is the most important election of our lives", "Barack Obama")
    ]


def test_a_pronoun_is_not_the_person_it_is_speaking_to():
    body = (
        "Crown Prince Khalid Rahman spoke last year. Speaking to reporter Dan Ellis of the "
        "Tribune, he said, “It happened under my watch and I take responsibility.”"
    )
    assert direct(claims_of(body)) == [
        ("It happened under my watch and I take responsibility.", "Khalid Rahman")
    ]


def test_descriptions_resolve_to_the_actor_named_before():
    body = (
        "Sen. Dana Whitfield, a Democrat from Oregon, opposed the bill. "
        "“It is a giveaway to the richest families in the nation,” the senator said."
    )
    assert direct(claims_of(body))[0][1] == "Dana Whitfield"


def test_speaker_named_after_the_quote_with_an_abbreviated_title_and_apposition():
    body = (
        "“This is a constitutional crisis in the making,” said Rep. Jerry Nadler, "
        "a Democrat from New York."
    )
    assert direct(claims_of(body)) == [
        ("This is a constitutional crisis in the making", "Jerry Nadler")
    ]


def test_quote_signed_with_a_dash_and_a_name():
    body = "“Broadband is not a luxury any more for rural families.” — Commissioner Geoffrey Starks"
    assert direct(claims_of(body))[0][1] == "Geoffrey Starks"


def test_colon_lead_in_hands_the_next_paragraph_to_its_speaker():
    body = (
        "Governor Ann Whitley told the crowd:\n\n"
        "“We will not leave a single family behind this winter.”\n\n"
        "Blogger Sami Haddad wrote:\n\n"
        "The lines at the petrol stations are longer every single day."
    )
    assert direct(claims_of(body)) == [
        ("We will not leave a single family behind this winter.", "Ann Whitley"),
        ("The lines at the petrol stations are longer every single day.", "Sami Haddad"),
    ]


def test_more_speech_verbs_than_said():
    body = (
        "“We will be back next year, stronger than ever,” Coach Mia Torres joked. "
        "“Do the right thing for the students,” Principal Omar Diaz urged."
    )
    assert [s for _, s in direct(claims_of(body))] == ["Mia Torres", "Omar Diaz"]


def test_reported_speech_takes_the_verbs_own_subject():
    body = (
        "Priorities USA, the main pro-Clinton super political action committee, says it "
        "raised $18 million in May."
    )
    assert reported(body) == [("it raised $18 million in May.", "Priorities USA")]
    body = "For voters who are undecided, Obama told reporters that the choice was clear."
    assert reported(body) == [("the choice was clear.", "Barack Obama")]


def test_reported_speech_of_joined_verbs_and_of_each_speaker():
    body = (
        "Tom Watson called the deal “lousy” and said he would vote against it. "
        "One voter said prices had doubled and several said they wanted new leaders."
    )
    assert reported(body) == [
        ("he would vote against it.", "Tom Watson"),
        ("prices had doubled", "One voter"),
        ("they wanted new leaders.", "several"),
    ]


def test_not_reported_speech():
    body = (
        "The senator did not say that taxes would rise. Russia’s claims that the border "
        "was open proved false. The campaign announced a new grant for farmers. "
        "The bill passed in several states, including Minnesota, Michigan and Pennsylvania."
    )
    assert reported(body) == []


def test_clean_actors_no_titles_in_names_no_junk_roles_or_aliases():
    body = (
        "Podcaster Spike Cohen and Blogger Ana Lima spoke. Yet Mr Brown said nothing. "
        "German Chancellor Angela Merkel and British Prime Minister Boris Johnson met. "
        "Cantwell and Baird praised Senator Maria Cantwell and Rep. Brian Baird."
    )
    mentions = extract_article("A headline", None, body)[1]
    people = {m.name: m.role for m in mentions if m.actor_type == "person"}
    assert people["Spike Cohen"] == "Podcaster"
    assert "Ana Lima" in people
    assert people["Boris Johnson"] == "British Prime Minister"
    assert people["Angela Merkel"] == "German Chancellor"
    assert all(" and " not in m.mention_text for m in mentions if m.actor_type == "person")
    assert not any(role and role.split()[0] in ("Yet", "However") for role in people.values())


def test_works_and_complements_of_titles_are_not_people():
    body = (
        "The Secretary of Defense spoke. The film Maria Full of Grace was shown. "
        "The National School Lunch Program grew. A brave lady Speaks out."
    )
    assert people_of(body) == set()


def test_much_quoted_public_figures_resolve_from_their_surname():
    body = "Putin ally Alexander Lukashenko met Merkel. Duterte said nothing."
    assert {"Vladimir Putin", "Angela Merkel", "Rodrigo Duterte"} <= people_of(body) | {
        m.name for m in extract_article("A headline", None, body)[1]
    }


def test_known_people_count_in_a_title_case_headline():
    mentions = extract_article("Top Putin Ally Threatens Attacks on New Country", None, "Text.")[1]
    assert [m.name for m in mentions if m.actor_type == "person"] == ["Vladimir Putin"]


def test_block_quotes_the_source_marks_belong_to_who_introduced_them():
    body = (
        "Blogger Ana Lima wrote on her blog:\n\n"
        "The queues at the pumps grow longer every single day.\n\n"
        "Nobody in the capital remembers a winter like this one.\n\n"
        "Others disagreed with her, and said so."
    )
    claims = extract_article("Fuel", None, body, block_quotes=frozenset({1, 2}))[0]
    assert direct(claims) == [
        ("The queues at the pumps grow longer every single day.", "Ana Lima"),
        ("Nobody in the capital remembers a winter like this one.", "Ana Lima"),
    ]


def test_a_block_quote_signed_at_its_end_is_the_signatory_s():
    body = (
        "Delegates tweeted from the forum:\n\n"
        "@delegate: Best time for Africa in fifty years - says Donald Kaberuka"
    )
    claims = extract_article("Forum", None, body, block_quotes=frozenset({1}))[0]
    assert direct(claims) == [("Best time for Africa in fifty years", "Donald Kaberuka")]


def attributed(body: str) -> list[tuple[str, str | None]]:
    """(claim type, speaker) of every quotation and reported statement, in order."""
    return [(c.claim_type, c.speaker_name) for c in claims_of(body) if c.claim_type != "assertion"]


def test_a_document_speaks_for_who_issued_it():
    body = (
        "The Harbour Safety Board criticised the port on Monday. They released a statement "
        "which said, “The cranes were never inspected.” "
        "According to data from the Tidewater Research Archive, shipping fell by a third. "
        "A statement from the Interior Ministry said the dockers had been released."
    )
    assert attributed(body) == [
        ("direct_quote", "Harbour Safety Board"),
        ("reported_speech", "Tidewater Research Archive"),
        ("reported_speech", "Interior Ministry"),
    ]


def test_a_name_in_apposition_to_a_description_is_the_source():
    body = (
        "According to the Dunmore mayor, Ellen Carvalho, the water plant will reopen in May. "
        "According to the police, Martin Oduya, 45, was arrested at his home."
    )
    assert attributed(body) == [
        ("reported_speech", "Ellen Carvalho"),
        ("reported_speech", "the police"),
    ]


def test_a_kind_of_body_before_a_name_makes_it_a_body():
    body = "The news agency Verdana reported the ferry had sunk. CEO Paul Reyes said sales grew."
    mentions = {(m.name, m.actor_type) for m in extract_article("A headline", None, body)[1]}
    assert ("Verdana", "organization") in mentions
    assert ("Paul Reyes", "person") in mentions


def test_names_with_an_article_particle_and_fuller_forms_of_known_names():
    body = 'President Abdel Karim el-Masri of Egypt said, "The trade deal will succeed."'
    assert direct(claims_of(body)) == [("The trade deal will succeed.", "Abdel Karim el-Masri")]
    # A fuller form of a known person's name, holding all of it, is that person.
    assert people_of("Sayyid Ali Hosseini Khamenei ordered three days of mourning.") == {
        "Ali Khamenei"
    }


def test_the_president_is_not_the_vice_president():
    body = (
        "Former Vice President Ann Lowe met President Carl Brandt in March. "
        "The president vowed to keep fighting “the good fight” in the courts."
    )
    assert [c.speaker_name for c in claims_of(body) if c.claim_type != "assertion"] == [
        "Carl Brandt"
    ]


def test_a_speech_noun_is_not_a_speech_verb():
    body = (
        "Republicans urged him to concede, such as former governor Dale Hart, who denounced "
        "the legal team's claims as a “national embarrassment”, and the deal, which Lena "
        "Moss has referred to as “gamesmanship”."
    )
    assert [c.speaker_name for c in claims_of(body) if c.claim_type == "partial_quote"] == [
        "Dale Hart",
        "Lena Moss",
    ]


def test_adding_goes_on_from_the_subject_of_the_first_speech_verb():
    body = (
        "According to the agency, the chief prosecutor of Dunmore, Rita Vance, said the men "
        "must face trial, adding the city will pursue the case after the election."
    )
    assert attributed(body) == [
        ("reported_speech", "Rita Vance"),
        ("reported_speech", "Rita Vance"),
    ]


def test_reported_speech_after_a_time_and_with_a_phrase_in_its_subject():
    body = (
        "The Coastal Authority said in May the new dam might cost twice as much. "
        "Nadia Ferreira said Sunday that prices rose sharply. "
        "In addition the authorities at Dunmore airport said that they found nothing illegal. "
        "Estimates by event organizers indicate roughly a million people marched on Saturday. "
        "A spokesman for the Interior Ministry said the border would reopen next week."
    )
    assert [(c.claim_text, c.speaker_name) for c in reported_claims(body)] == [
        ("the new dam might cost twice as much.", "Coastal Authority"),
        ("prices rose sharply.", "Nadia Ferreira"),
        ("they found nothing illegal.", "the authorities at Dunmore airport"),
        ("roughly a million people marched on Saturday.", "event organizers"),
        ("the border would reopen next week.", "Interior Ministry"),
    ]


def reported_claims(body: str):
    return [c for c in claims_of(body) if c.claim_type == "reported_speech"]


def test_titles_particles_and_appositions_around_a_speaker():
    body = (
        'As General Tom Reyes, former Commander of Northern Command, said, "We will hold." '
        "Former prime minister John Major has accused the government of misleading voters. "
        'NYC Mayor Bill de Blasio ended his campaign. Mayor de Blasio said "It is not my time." '
        "Officials met on Monday. On Tuesday — two days after the Court of Appeal ruling — she "
        "said she remained hopeful a deal would be reached."
    )
    claims, mentions = extract_article("A headline", None, body)
    quotes = [(c.claim_text, c.speaker_name) for c in claims if c.claim_type == "direct_quote"]
    assert quotes == [("We will hold.", "Tom Reyes"), ("It is not my time.", "Bill de Blasio")]
    people = {(m.name, m.role) for m in mentions if m.actor_type == "person"}
    assert ("John Major", "Former prime minister") in people
    assert ("Bill de Blasio", "Mayor") in people
    assert not any(c.speaker_name == "Court of Appeal" for c in claims)


def test_a_court_rules_and_a_colon_hands_over_to_the_sentence_subject():
    body = (
        "The Court of Session ruled on September 11 the suspension was unlawful. "
        "Senate rules, along with party rules, guide the work of the committee. "
        'Governor Ana Ruiz quickly took a parting shot on Twitter: "Really big news, folks!"'
    )
    assert attributed(body) == [
        ("reported_speech", "Court of Session"),
        ("direct_quote", "Ana Ruiz"),
    ]


def test_present_tense_clauses_and_speech_nouns_that_take_objects():
    body = (
        "Lena Ortiz, a member of the energy committee and a longtime supporter of wind power, "
        "said the project holds tremendous promise for the valley. "
        "People from all over the world expressed their concerns over this terrible loss. "
        "Mainland Zembla, which claims sovereignty over the islands, sent ships. "
        "Governor Ray Tull claims he would be fine if the shutdown went on for years. "
        "The ministry confirmed a case of coronavirus infection in a man from the district."
    )
    assert [(c.claim_text, c.speaker_name) for c in reported_claims(body)] == [
        ("the project holds tremendous promise for the valley.", "Lena Ortiz"),
        ("he would be fine if the shutdown went on for years.", "Ray Tull"),
    ]


def test_a_statement_is_nobody_and_the_speaker_is_found_further_on():
    body = (
        "In a statement posted to her account before being sworn in, then-Secretary Wanda "
        'Reyes affirmed her willingness to serve, writing, "Our island needs stability." '
        "The report said the economy had grown by four percent in the last year."
    )
    assert attributed(body) == [
        ("direct_quote", "Wanda Reyes"),
        ("reported_speech", "The report"),
    ]


def test_an_organisation_speaks_through_its_spokesperson_and_around_an_aside():
    body = (
        'Prices rose by a "steep margin" last month, according to a Dunmore Foods spokesperson. '
        'Pellworth Group, in an online post on Monday, called the shortage "temporary".'
    )
    assert [(c.claim_text, c.speaker_name) for c in claims_of(body) if c.speaker_name] == [
        ('Prices rose by a "steep margin" last month', "Dunmore Foods"),
        ("steep margin", "Dunmore Foods"),
        ("temporary", "Pellworth Group"),
    ]


def test_titles_events_and_openers_are_not_people():
    body = (
        "Soap maker Who Cleans Best said its stock had run out. "
        "Analysts expect Super Tuesday to settle the race. "
        "Ivana Delgado wrote to the council. Quoting Delgado's letter, the mayor asked for calm. "
        'Fans carried signs reading "Make the Club Ivana Again". '
        "Mike Harrow of Velvet Comet said the tour was over."
    )
    assert people_of(body) == {"Ivana Delgado", "Mike Harrow"}


def test_a_reported_clause_may_open_on_an_adverbial_and_a_source_on_a_relative():
    body = (
        "On Monday, Harlow Mills announced that following a fire at its plant, deliveries "
        "would stop for a week. "
        "The council was slow to act, according to a report from the Dunmore Herald on May 2 "
        "in which residents said they had waited for hours. "
        "Ann Cole said including Ohio, Texas and Utah, most have voted."
    )
    assert [(c.claim_text, c.speaker_name) for c in reported_claims(body)][:2] == [
        ("following a fire at its plant, deliveries would stop for a week.", "Harlow Mills"),
        ("The council was slow to act", "Dunmore Herald"),
    ]
    assert not any(c.claim_text.startswith("including") for c in reported_claims(body))


def test_a_title_complement_runs_to_the_given_name_and_named_things_are_not_people():
    body = (
        "Secretary of Rural Affairs Daniel Okoro visited the Margaret Hale Water Treatment "
        "Plant on Friday. Okoro said the Arthur Penn Fire Station would get a new truck. "
        "Inmates of the Ruth Calder Correctional Facility watched from the Edwin Marsh Stadium."
    )
    assert people_of(body) == {"Daniel Okoro"}


def test_an_ordinary_word_after_a_title_is_a_person_only_when_an_office_or_name_says_so():
    body = (
        "The grant goes to Head Start programs and to the makers of General Purpose vehicles. "
        "Sen. Harvest said the program works. Mr Mills said he agreed."
    )
    assert people_of(body) == {"Harvest", "Mills"}


def test_time_phrases_short_verbs_and_plural_titles_around_reported_speech():
    body = (
        "A second statement from the regional council during the weekend said two hikers "
        "died in the storm. "
        "The town will receive a new bridge over the river, Sens. Ada Voss and Omar Reyes "
        "announced today."
    )
    assert [(c.claim_text, c.speaker_name) for c in reported_claims(body)] == [
        ("two hikers died in the storm.", "the regional council"),
        ("The town will receive a new bridge over the river", "Ada Voss"),
    ]


def test_a_generic_body_word_is_the_body_the_article_named():
    body = (
        "Harbour County Police are searching for the driver. "
        "Police said the car was found burned out near the quay."
    )
    assert [(c.claim_text, c.speaker_name) for c in reported_claims(body)] == [
        ("the car was found burned out near the quay.", "Harbour County Police"),
    ]


def roles_of(body: str) -> dict[str, str | None]:
    return {
        m.name: m.role
        for m in extract_article("A headline", None, body)[1]
        if m.actor_type == "person"
    }


def test_a_role_is_never_another_actor_joined_by_and():
    body = (
        "The bill was backed by Senator Ida Marsh and Congressman Paul Lowe. "
        "The plan came from the Harbour Trust and Attorney General Rosa Pike. "
        "Department of Health and Human Services Secretary Alan Reed spoke."
    )
    roles = roles_of(body)
    assert roles["Paul Lowe"] == "Congressman"
    assert roles["Rosa Pike"] == "Attorney General"
    assert roles["Alan Reed"] == "Department of Health and Human Services Secretary"


def test_abbreviated_titles_and_letter_spaced_words():
    body = (
        "M E M O R A N D U M\n\nGov. Lena Voss said the bridge would reopen. Maj. Tom Hart agreed."
    )
    roles = roles_of(body)
    assert roles == {"Lena Voss": "Gov.", "Tom Hart": "Maj."}


def test_where_it_was_said_whose_document_and_a_participle_after_the_speaker():
    body = (
        'Mayor Ann Lee on Facebook called the closure "a disgrace to the city". '
        "The Appeals Court of Dunmore ruled on Monday.\n\n"
        'The court\'s summary ended with the words: "The order is quashed in full."\n\n'
        "Ruth Hale spoke later.\n\n"
        '"They misled everyone!" Hale said, accusing the organisers of staging the scene.'
    )
    assert [(c.claim_text, c.speaker_name) for c in claims_of(body) if c.speaker_name] == [
        ("a disgrace to the city", "Ann Lee"),
        ("The order is quashed in full.", "Appeals Court of Dunmore"),
        ("They misled everyone!", "Ruth Hale"),
        ("accusing the organisers of staging the scene.", "Ruth Hale"),  # an accusation
    ]


def test_a_quote_that_is_its_own_sentence_goes_on_with_the_sentence_before():
    body = (
        "Senator Ruth Hale spoke on Monday.\n\n"
        'More must be done for renters, she added. "Rents have doubled in five years and '
        'wages have not moved at all."'
    )
    assert direct(claims_of(body)) == [
        ("Rents have doubled in five years and wages have not moved at all.", "Ruth Hale")
    ]


def test_a_quote_signed_on_a_line_of_its_own():
    body = (
        "Responders report mixed results.\n\n"
        '"We share crews with four counties and still wait hours for help."\n\n'
        "-Dana Whitlock, Fire Chief, Orne County\n\n"
        "Departments were split on the question."
    )
    claims = claims_of(body)
    assert direct(claims) == [
        ("We share crews with four counties and still wait hours for help.", "Dana Whitlock")
    ]
    assert not any("Whitlock" in c.claim_text for c in claims)


def test_a_description_with_another_word_for_the_title():
    body = (
        "Norland's Foreign Secretary Ivo Brandt arrived in the capital on Sunday. "
        "The foreign minister said Norland would seek the suspect's extradition."
    )
    assert [(c.claim_text, c.speaker_name) for c in reported_claims(body)] == [
        ("Norland would seek the suspect's extradition.", "Ivo Brandt"),
    ]


def test_a_view_framed_by_its_holder_is_reported_speech():
    body = (
        "Surgeon Lena Marsh trains doctors in Brackford.\n\n"
        "In her view, the regional clinics are as good as any abroad. "
        "In his opinion, the roads are the real problem."
    )
    assert reported(body) == [("the regional clinics are as good as any abroad.", "Lena Marsh")]


def test_an_adverb_after_the_auxiliary_and_findings_without_that():
    body = (
        "Councillor Omar Reyes resigned in May. He has since said the audit was rushed. "
        "The researchers found when rents rose, families moved further out. "
        "The survey showed the number of renters had doubled. "
        "The company claims the order did not cover its radio licence."
    )
    assert reported(body) == [
        ("the audit was rushed.", "Omar Reyes"),
        ("when rents rose, families moved further out.", "The researchers"),
        ("the number of renters had doubled.", "The survey"),
        ("the order did not cover its radio licence.", "The company"),
    ]


def test_found_and_claims_with_only_an_object_report_nothing():
    body = (
        "Police found the body of a man who had died in the fire. "
        "Officers found it difficult to reach the house. "
        "The firm claimed these losses and blocked three offers. "
        "Lena Marsh expressed concern about rising costs and projected increases. "
        "The agency has since declared victory, but the troops remained."
    )
    assert reported(body) == []


def test_a_speaker_named_after_the_verb_at_the_end_with_an_apposition():
    body = (
        "It is not for the court to judge the motives, argued the city's lawyer, Tom Hale. "
        "Prices will keep rising next year, warned the central bank. "
        "Proponents of the bill argue it will cut costs for small firms. "
        "Anna Berg, who founded the firm, announced a new product, Brightline."
    )
    assert reported(body) == [
        ("It is not for the court to judge the motives", "Tom Hale"),
        ("Prices will keep rising next year", "the central bank"),
        ("it will cut costs for small firms.", "Proponents of the bill"),
    ]


def test_the_writer_of_a_quoted_post_is_not_a_speaker():
    body = 'Ruth Hale wrote: "I\'ve always said the river would flood the lower town."'
    assert not any(c.speaker_name == "I've" for c in claims_of(body))


def test_an_argument_held_and_a_statement_made_by_saying():
    body = (
        "Mayor Ruth Hale spoke at the council on Monday. "
        "The council's counter-argument was that the law gives the mayor that power. "
        "Ruth Hale angered voters by saying the tax would fall on renters. "
        "Tom Avery argued Hale had lost renters by saying she backed the tax. "
        "The board tried to stop the plan by claiming exemptions for its members."
    )
    assert reported(body) == [
        ("the law gives the mayor that power.", "The council"),
        ("the tax would fall on renters.", "Ruth Hale"),
        ("Hale had lost renters by saying she backed the tax.", "Tom Avery"),
    ]


def test_an_object_whose_only_verb_is_in_its_relative_clause_is_not_reported():
    body = (
        "Councillor Omar Reyes tweeted a link about flood damage which is rarely reported. "
        "Ruth Hale promised protests every week until the council resigned. "
        "Omar Reyes said the dam, which was built in 1950, has cracked."
    )
    assert reported(body) == [("the dam, which was built in 1950, has cracked.", "Omar Reyes")]


def test_reports_that_assured_and_reminded_report_a_clause():
    body = (
        "Island Politics Blog reports that the new party is calling for an early vote. "
        "Recent reports that the base would close proved false. "
        "Minister Ivo Brandt assured farmers that the subsidy would stay. "
        "Ruth Hale reminded her colleagues that the fund was empty."
    )
    assert reported(body) == [
        ("the new party is calling for an early vote.", "Island Politics Blog"),
        ("the subsidy would stay.", "Ivo Brandt"),
        ("the fund was empty.", "Ruth Hale"),
    ]
    claims = claims_of(body)
    assert claims[0].speaker_type == "organization"


def test_that_after_an_object_is_relative_unless_the_noun_carries_what_was_said():
    body = (
        "Ruth Hale noted the difficulties that voters have faced at the polls. "
        "Ruth Hale told her colleagues that the fund was empty. "
        "Omar Reyes expressed his concern that the dam would fail."
    )
    assert reported(body) == [
        ("the fund was empty.", "Ruth Hale"),
        ("the dam would fail.", "Omar Reyes"),
    ]


def test_a_post_pasted_with_a_direction_mark_is_still_a_post():
    body = (
        "Residents took to Twitter after the floods.\n\n"
        "\u200f@rivertown: The bridge has been closed for three days and nobody has come."
    )
    assert direct(claims_of(body)) == [
        ("@rivertown: The bridge has been closed for three days and nobody has come.", "@rivertown")
    ]


def test_who_said_after_an_apposition_is_the_person_described():
    body = (
        "The study was led by Nadia Perrin, a soil chemist and professor at Ostrava, "
        'who said "We found far more carbon in the old fields than anyone expected."'
    )
    assert direct(claims_of(body)) == [
        ("We found far more carbon in the old fields than anyone expected.", "Nadia Perrin")
    ]


def test_competitions_and_institutes_of_technology_are_not_people():
    body = (
        "Anna Berg won the Baltic Olympiad in Surgery. She studies at Virginia Tech, and "
        "the Olympiad drew forty students."
    )
    assert people_of(body) == {"Anna Berg"}


def test_quantities_time_phrases_and_research_verbs_around_reported_speech():
    body = (
        "Police chief Marta Ilic said at least 40 people were arrested on Friday night. "
        "Reports as of Wednesday said about 300 cars had been damaged. "
        "The researchers have speculated the pattern may have occurred repeatedly. "
        "Nils-Erik Haagenrud of Nordvik Fire and Rescue said no crews would enter the building."
    )
    assert reported(body) == [
        ("at least 40 people were arrested on Friday night.", "Marta Ilic"),
        ("about 300 cars had been damaged.", "Reports"),
        ("the pattern may have occurred repeatedly.", "The researchers"),
        ("no crews would enter the building.", "Nils-Erik Haagenrud"),
    ]


def test_particles_inside_names_and_places_named_after_people():
    body = (
        "He served under President Valéry Giscard d'Estaing in the seventies. "
        "Minister Erna Holt was stranded after a visit to the Johan Sverdrup oil field. "
        "Critics quoted la poésie d'Aimé Césaire."
    )
    assert people_of(body) == {"Valéry Giscard d'Estaing", "Erna Holt"}


def test_a_lead_in_hands_over_from_its_last_clause_and_irregular_verbs():
    body = (
        "Journalist Nora Vale liveblogged the event. Irma Kostas summarized the sessions, "
        "and Petros Lind shared yet another insight:\n\n"
        "We grownups have made mistakes and we are here to fix them together.\n\n"
        "Renowned photographer Duncan Reyes gave the event a ringing endorsement:\n\n"
        "Watching the team pull the event together was like watching any talented crew."
    )
    speakers_of_quotes = [speaker for _, speaker in direct(claims_of(body))]
    assert speakers_of_quotes == ["Petros Lind", "Duncan Reyes"]


def test_a_person_of_a_place_with_a_possessive_body_speaks():
    body = (
        "Lead author Sally Wasef of Australia's Griffith University explained to the press, "
        '"The ibis was considered sacred to the god of wisdom."'
    )
    assert direct(claims_of(body)) == [
        ("The ibis was considered sacred to the god of wisdom.", "Sally Wasef")
    ]


def test_impersonal_passives_report_without_a_named_source():
    body = (
        "It was first reported the blaze began in a storage room, but police later said "
        "it began in the kitchen. It is understood that the chairman will step down next "
        "month. It was announced by the Harbour Board that the ferry would stop running. "
        "The warehouse was said to have been empty for years. It was said in jest. "
        "The minister is expected to resign."
    )
    assert reported(body) == [
        ("the blaze began in a storage room", None),
        ("it began in the kitchen.", "police"),
        ("the chairman will step down next month.", None),
        ("the ferry would stop running.", "Harbour Board"),
        ("The warehouse was said to have been empty for years.", None),
    ]


def test_a_name_that_qualifies_a_spokesperson_does_not_speak():
    body = (
        "Governor Ellen Marsh toured the plant on Monday. Marsh campaign spokesman Devon "
        "Price said in a statement that the plant would stay open. A senior Marsh adviser, "
        "who asked not to be named, said the governor would not debate."
    )
    assert reported(body) == [
        ("the plant would stay open.", "Devon Price"),
        ("the governor would not debate.", "A senior Marsh adviser"),  # unnamed, not Marsh
    ]


def test_a_party_tag_or_a_second_apposition_before_the_verb():
    body = (
        "Sen. Paul Okafor, D-Ore., who wrote the bill, said the vote would be close.\n\n"
        "Judge Ruth Keane, his colleague on the appeals court, who has sat with him for "
        "years, said he was a careful judge.\n\n"
        "Late on Sunday, the Prime Minister Alan Foss, in a statement, announced the troops "
        "would leave."
    )
    assert reported(body) == [
        ("the vote would be close.", "Paul Okafor"),
        ("he was a careful judge.", "Ruth Keane"),
        ("the troops would leave.", "Alan Foss"),
    ]


def test_an_initial_before_a_quotation_ends_the_sentence():
    body = (
        'Press secretary Nora Vance mocked the plan in a post on X. "It will never pass," '
        "she wrote."
    )
    assert direct(claims_of(body)) == [("It will never pass", "Nora Vance")]


def test_party_labels_and_local_offices_are_titles_not_names():
    body = (
        "Democrat Rosa Delgado and Republican Hank Mills are running. Councilman Ray Ortiz "
        "asked how much it would cost. Sen. Joan Pratt, a Vermont Republican, voted no. "
        "Both parties fought over the Mills/Ortiz plan."
    )
    mentions = extract_article("A headline", None, body)[1]
    assert {(m.name, m.role) for m in mentions if m.actor_type == "person"} == {
        ("Rosa Delgado", "Democrat"),
        ("Hank Mills", "Republican"),
        ("Hank Mills", None),
        ("Ray Ortiz", "Councilman"),
        ("Ray Ortiz", None),
        ("Joan Pratt", "Sen."),
    }


def test_the_judge_is_the_justice_named_before():
    body = (
        "Mrs Justice Nora Blake found that the council had failed the family.\n\n"
        'The judge described its conduct as "a string of missed chances".'
    )
    assert speakers(claims_of(body), "partial_quote") == [
        ("a string of missed chances", "Nora Blake")
    ]


def test_tails_with_an_auxiliary_headline_tails_and_clauses_that_are_not_tails():
    claims = claims_of(
        "Rural clinics could shut within a year, a leading charity has warned. The dam "
        "was built in 1950 by the state, but both towns have claimed the land as theirs. "
        "Crowds in most towns were calm, as the Valley Herald reported on Sunday.",
        headline="Bus cuts 'will isolate villages', charity warns",
    )
    assert speakers(claims, "reported_speech") == [
        ("Bus cuts 'will isolate villages'", "charity"),
        ("Rural clinics could shut within a year", "a leading charity"),
        ("Crowds in most towns were calm", "Valley Herald"),
    ]


def test_wire_datelines_and_mid_sentence_tails():
    body = (
        "LAKEVIEW, Ore. (AP) — Candidate Ruth Ames told a crowd on Friday that families had "
        'been "priced out" of the valley.\n\n'
        "TALLINN, Nov 3 (Reuters) - Talks on the pipeline collapsed on Monday, officials "
        "said, as both sides traded blame.\n\n"
        "Ames accused her rival of hiding the cost."
    )
    assert reported(body) == [
        ('families had been "priced out" of the valley.', "Ruth Ames"),
        ("Talks on the pipeline collapsed on Monday", "officials"),
        ("accused her rival of hiding the cost.", "Ruth Ames"),
    ]


def test_a_name_known_in_full_and_a_qualified_body_are_not_descriptions():
    body = (
        "The House Ethics Committee met on Monday. The White House, which has not endorsed "
        "the bill, said the president would sign it.\n\n"
        "The Ministry of Water Resources published figures. The Latvian foreign ministry "
        "said it would protest."
    )
    assert reported(body) == [
        ("the president would sign it.", "White House"),
        ("it would protest.", "The Latvian foreign ministry"),
    ]


def test_requests_to_act_and_questions_put_to_a_crowd():
    body = (
        "Press secretary Ana Ruiz told reporters that Judge Lee had asked to withdraw "
        '"to spare the court a distraction".\n\n'
        "Mayor Tom Hale spoke for an hour. At one point he turned to the budget, asking the "
        'crowd, "Do you feel safer today?"'
    )
    claims = claims_of(body)
    assert speakers(claims, "partial_quote") == [("to spare the court a distraction", "Ana Ruiz")]
    assert direct(claims) == [("Do you feel safer today?", "Tom Hale")]


def test_a_place_that_speaks_goes_on_speaking():
    body = (
        "Ms Lane said the party would fund the wards.\n\n"
        "A Downing Street spokesperson said the prime minister was aware of the problem. "
        "The spokesperson added that new funding would follow in the spring."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "Lane",
        "Downing Street",
        "Downing Street",
    ]


def test_a_person_who_opens_a_sentence_as_possessor_is_who_she_is():
    body = (
        "Nurse Priya Lal said the ward was full.\n\n"
        "Sarah Okoye's son Ben, seven, needs round-the-clock care. She says the nights he "
        "spends at the hospice are her only rest."
    )
    assert reported(body)[-1] == (
        "the nights he spends at the hospice are her only rest.",
        "Sarah Okoye",
    )


def test_a_source_who_asked_not_to_be_named_is_not_the_last_one_named():
    body = (
        "Sen. Ada Price said the vote would fail.\n\n"
        '"They were warned in May," the senator told reporters, speaking on condition of '
        "anonymity to describe private talks.\n\n"
        "A senior Senate committee aide, speaking on condition of anonymity, said the deal "
        "was close."
    )
    claims = claims_of(body)
    assert [c.speaker_type for c in claims if c.claim_type != "assertion"] == [
        "person",  # Ada Price, named
        None,
        None,
    ]


def test_a_headline_quotes_in_single_marks_after_a_colon():
    claims = claims_of(
        "Governor Ann Vale signed the order on Monday.",
        headline="Vale drops plan after senators balk: 'The votes were not there'",
    )
    assert direct(claims) == [("The votes were not there", "Ann Vale")]
    titled = claims_of("A festival opened.", headline="Brazil: 'Hands That Cure, Words That Heal'")
    assert direct(titled) == []


def test_subjects_behind_party_tags_possessive_descriptions_and_partitives():
    body = (
        "Among them was Sen. Ray Dunn (R-Idaho), who argued that the rule was "
        "unconstitutional.\n\n"
        "In a statement, the hospital's chief executive, Dr Lena Ross, apologised to the "
        "family and said the hospital accepted the findings in full.\n\n"
        "One of the sources said the delegation had been ready to accept observers."
    )
    assert reported(body) == [
        ("the rule was unconstitutional.", "Ray Dunn"),
        ("the hospital accepted the findings in full.", "Lena Ross"),
        ("the delegation had been ready to accept observers.", "One of the sources"),
    ]


def test_a_tail_before_an_aside_and_a_relative_inside_an_according_clause():
    body = (
        "The council was liable for the flooding, the high court has ruled, in a judgment "
        "the residents welcomed.\n\n"
        "According to two people familiar with the decision, the mayor dropped the plan "
        "after a call with party leaders, who told him the vote would fail.\n\n"
        "Having recently moved to a larger plant, the firm announced the creation of 40 jobs, "
        "in addition to the 35 it added last year."
    )
    found = reported(body)
    assert [speaker for _, speaker in found] == [
        "the high court",
        "two people familiar with the decision",
    ]
    assert found[1][0].startswith("the mayor dropped the plan")


def test_a_salutation_is_not_a_role_nor_a_particle_a_name():
    body = (
        "The letter reads: Dear Secretary Ruiz: we write to urge action.\n\n"
        "The statement came from the Procuraduría General de Justicia."
    )
    mentions = extract_article("A headline", None, body)[1]
    assert {(m.name, m.role) for m in mentions if m.actor_type == "person"} == {
        ("Ruiz", "Secretary")
    }


def test_ages_before_names_and_letters_after_them():
    body = (
        'Prosecutor Ann Lowe QC said the men were "a danger to every child".\n\n'
        "Fourteen-year-old Mia said the roof fell in.\n\n"
        "The Department of Corrections and Rehabilitation said the inmate was stable."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "Ann Lowe",
        "Mia",
        "Department of Corrections and Rehabilitation",
    ]


def test_a_transcript_line_is_its_speakers():
    body = (
        "Blogger Ilya Varga filmed the exchange with a guard, who said:\n\n"
        "Varga: Look, she is drinking beer. Shall we go?\n\n"
        "Karim Osman: We may not be strong, but we can be strong economically."
    )
    claims = extract_article("A headline", None, body, block_quotes=frozenset({1, 2}))[0]
    assert [(text[:12], speaker) for text, speaker in direct(claims)] == [
        ("Look, she is", "Ilya Varga"),  # the words, without their label
        ("We may not b", "Karim Osman"),
    ]


def test_verbs_and_sources_of_wire_and_political_copy():
    body = (
        "Marcus Bell ran the office for a decade. He added that Congress bore some "
        "responsibility for the delays.\n\n"
        "Housing Minister Omar Latif posted on X that the opposition was fighting itself.\n\n"
        "Across the region, state data show nitrate levels have been climbing for decades.\n\n"
        "A former officer filed a complaint, alleging that she had been moved after refusing "
        "a payment.\n\n"
        "Democratic strategists acknowledged, in private, that they had underestimated him.\n\n"
        "Sources close to Mrs Helen Stroud insisted the leader was relaxed.\n\n"
        "The UN Office for the Coordination of Humanitarian Affairs said 31,000 people had "
        "fled. The agency warned that food stocks were low."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "Marcus Bell",
        "Omar Latif",
        "state data",
        "A former officer",
        "Democratic strategists",
        "Sources close to Mrs Helen Stroud",
        "UN Office for the Coordination of Humanitarian Affairs",
        "UN Office for the Coordination of Humanitarian Affairs",
    ]


def test_company_names_are_bodies():
    body = "General Motors said it would close the plant. Prairie Fiber Partners got $4 million."
    assert people_of(body) == set()


def test_headlines_in_title_case_or_capitals_report_and_by_reports():
    claims = claims_of(
        "Sen. Ruth Alder (D-Ore.) spoke at the dam on Monday.",
        headline="ALDER SAYS GRANT WILL HELP STATE REDUCE WATER POLLUTION",
    )
    assert speakers(claims, "reported_speech")[0] == (
        "GRANT WILL HELP STATE REDUCE WATER POLLUTION",
        "Ruth Alder",
    )
    farewell = claims_of("A crowd gathered.", headline="Fans Say Goodbye to Writer Ana Ruiz")
    assert speakers(farewell, "reported_speech") == []
    assert reported("By all accounts, the talks went well on Monday.") == [
        ("the talks went well on Monday.", None)
    ]


def test_according_to_hands_over_to_a_quotation_that_ends_the_sentence():
    claims = claims_of(
        'According to political scholar Kelly Dorn, "Women hold fewer than 30 percent of '
        'the seats." According to the agency, "a new threat" is an aim of the operation.'
    )
    assert direct(claims) == [("Women hold fewer than 30 percent of the seats.", "Kelly Dorn")]


def test_a_statement_posted_on_a_channel_is_the_speakers_medium():
    body = (
        "The Upper Nile Front said in a statement posted on its Telegram channel on Saturday "
        "that its fighters had taken the town."
    )
    assert reported(body) == [("its fighters had taken the town.", "Upper Nile Front")]


def test_for_the_joins_a_bodys_name_but_not_a_persons():
    body = (
        "The UN Office for the Coordination of Humanitarian Affairs said 31,000 people had "
        "fled. Senator Ann Ruiz campaigned for the Senate in 2004."
    )
    mentions = extract_article("A headline", None, body)[1]
    names = {m.name for m in mentions}
    assert "UN Office for the Coordination of Humanitarian Affairs" in names
    assert "Ann Ruiz" in names


def test_initials_and_a_title_before_a_surname_that_is_a_place():
    body = (
        "Lionel A. I. Ambrose, president of Carrow College, said the campus would reopen.\n\n"
        'Actor Dario Houston, who paid for her tuition, stated "She was a gentle soul."'
    )
    assert speakers(claims_of(body), "reported_speech") == [
        ("the campus would reopen.", "Lionel A. I. Ambrose")
    ]
    assert direct(claims_of(body)) == [("She was a gentle soul.", "Dario Houston")]


def test_a_document_speaks_for_whoever_issued_it():
    body = (
        "Late on Sunday, Governor Ada Brennan, in a statement released by her office, "
        "announced the guard would leave the border. The statement also said the crossings "
        "were secure. Initial reports from Tamsin hospital said two officers were hurt.\n\n"
        "According to a statement released by Okonjo's office, the talks had failed."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "Ada Brennan",
        "Ada Brennan",
        "Tamsin hospital",
        "Okonjo",
    ]


def test_an_article_quoted_in_single_marks_the_british_way():
    body = (
        "Waiting lists grew again in October.\n\n"
        "‘Behind every number is a person who cannot work,’ said Dr Nia Roberts, who leads "
        "Care Ahead. ‘We hear from people told “it won’t be long” who still wait.’\n\n"
        "The health minister, Owen Pryce, said: ‘Nobody pretends the job is done.’\n\n"
        "He called the figures ‘a warning for the nurses’ union and everyone else’."
    )
    claims = claims_of(body)
    assert direct(claims) == [
        ("Behind every number is a person who cannot work", "Nia Roberts"),
        ("We hear from people told “it won’t be long” who still wait.", "Nia Roberts"),
        ("Nobody pretends the job is done.", "Owen Pryce"),
    ]
    assert ("a warning for the nurses’ union and everyone else", "Owen Pryce") in speakers(
        claims, "partial_quote"
    )
    # Titles and scare quotes in single marks do not make an article British.
    titles = "Her list had ‘War and Peace’ and ‘Great Expectations’ by Dickens on it."
    assert direct(claims_of(titles + ' She said, "Read them all before you turn thirty."')) == [
        ("Read them all before you turn thirty.", None)
    ]


def test_wire_and_newspaper_tags_aides_and_relatives_that_go_on_speaking():
    body = (
        "Sen. Harlan Vost (R., Kan.), the most prominent of the holdouts, said the bill spent "
        "too much.\n\n"
        "A senior Senate Democratic aide told reporters the bill's fate depends less on its "
        "merits than on the calendar.\n\n"
        "The letter was organised by Rita Ashby, the MP for Holmbridge, who described the "
        'levy as "a tax on the cold" and said it should be delayed.'
    )
    assert [speaker for _, speaker in reported(body)] == [
        "Harlan Vost",
        "Senate Democratic aide",
        "Rita Ashby",
    ]


def test_a_body_is_called_by_its_kind():
    body = (
        "The ruling hands a win to the Delta Voter Access Project, a nonprofit that sued "
        "the state. The group argued the rule disenfranchised elderly voters.\n\n"
        "Fenmoor Police said the road was closed. A spokesperson for the force said two "
        "people had been rescued.\n\n"
        "The charity Waiting Room said 40,000 patients were waiting. The ministry declined "
        "to comment. The charity said the figures were a scandal."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "Delta Voter Access Project",
        "Fenmoor Police",
        "Fenmoor Police",
        "Waiting Room",
        "Waiting Room",
    ]


def test_a_headline_describes_whom_the_body_names():
    governor = claims_of(
        "Idaho Gov. Dale Whitfield is threatening to take the Army Corps to court.",
        headline="Republican governor threatens to sue Army Corps: 'Not on my watch'",
    )
    assert direct(governor) == [("Not on my watch", "Dale Whitfield")]
    charity = claims_of(
        "The charity Hospices United says its members expect a deficit.",
        headline="Hospice funding shortfall 'will cost lives', charity warns",
    )
    assert ("will cost lives", "Hospices United") in speakers(charity, "partial_quote")
    resident = claims_of(
        "Hundreds were evacuated. Resident Brian Heskell said the water came fast.",
        headline="'We've lost everything', says resident as hundreds evacuated",
    )
    assert speakers(resident, "partial_quote") == [("We've lost everything", "Brian Heskell")]


def test_irish_names_titles_and_the_one_holder_of_an_office():
    body = (
        'Sinn Féin TD Eoin Ó Murchadha said the plan had failed. "There are children who '
        'have only lived in a hotel," the Dublin Bay North TD said.\n\n'
        'The Tánaiste, Siobhán Ní Bhraonáin, said the plan was working. "Deputy Ó '
        'Murchadha comes in every week with a new figure," Ms Ní Bhraonáin said.'
    )
    assert [speaker for _, speaker in direct(claims_of(body))] == [
        "Eoin Ó Murchadha",
        "Siobhán Ní Bhraonáin",
    ]


def test_a_role_set_off_before_a_name_and_an_opening_phrase_before_the_subject():
    claims = claims_of(
        "The Tánaiste, Áine Ní Bhroin, has claimed that rivals exploit the crisis.\n\n"
        "Later, opening the debate on the Tenancies (Amendment) Bill, the Minister for "
        "Housing, Colm Ó Duibhir, said the legislation would extend protection.\n\n"
        "Kirkfell Constabulary declared a major incident. A spokesperson for the force "
        'said: "Our officers are working through the night."',
        headline="Tánaiste accuses rivals of ‘playing politics with homes’",
    )
    assert speakers(claims, "partial_quote") == [("playing politics with homes", "Áine Ní Bhroin")]
    assert [speaker for _, speaker in speakers(claims, "reported_speech")] == [
        "Áine Ní Bhroin",  # the headline's accusation
        "Áine Ní Bhroin",
        "Colm Ó Duibhir",
    ]
    assert direct(claims) == [
        ("Our officers are working through the night.", "Kirkfell Constabulary")
    ]
    roles = {
        m.name: m.role
        for m in extract_article("A headline", None, "The chief executive, Jo Parr, said so.")[1]
    }
    assert roles == {"Jo Parr": "chief executive"}


def test_a_sentence_opened_by_its_speech_verb_and_a_partitive_before_a_name():
    claims = claims_of(
        'Remarked wildlife scientist Tara Quill, "This reprieve is a thank-you from the '
        'butterflies."'
    )
    assert direct(claims) == [("This reprieve is a thank-you from the butterflies.", "Tara Quill")]
    body = (
        "One of these groups, the Northern Plains Front (NPF), opposed the withdrawal and "
        "said it had been given assurances."
    )
    assert reported(body) == [("it had been given assurances.", "Northern Plains Front")]


def test_per_courts_that_heard_and_relatives_named_by_their_first_name():
    body = (
        "Two senators have been shopping the bill to leadership offices, per a Senate aide "
        "involved in the effort.\n\n"
        "Mottram burst into the shop shortly before 10pm, Tarnside Crown Court heard.\n\n"
        "The court heard that the shopkeeper handed over around £340.\n\n"
        "Resident Brian Heskell said the water came fast. His wife, Pauline, said the "
        "insurer had not been in touch.\n\n"
        "Voting-rights advocates said such an amendment would face a difficult path.\n\n"
        "Officials said the name had to be easy to say, per WHO guidelines."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "a Senate aide involved in the effort",
        "Tarnside Crown Court",
        None,
        "Brian Heskell",
        "Pauline Heskell",
        "Voting-rights advocates",
        "Officials",
    ]


def test_a_release_that_reproduces_a_letter_without_quotation_marks():
    body = (
        "Sen. Dana Whitlock today wrote to the Commission about the refunds.\n\n"
        "The text of Whitlock's letter to Chairman Ruiz follows:\n\n"
        "June 10, 2005\n\n"
        "Dear Chairman Ruiz:\n\n"
        "I write to urge the Commission to act now on the refund requests from our "
        "utilities.\n\n"
        "Families in our state have waited three years for this money to come back.\n\n"
        "Sincerely,\n\n"
        "Dana Whitlock\n\n"
        "Whitlock said the Commission had not yet replied to her earlier letters."
    )
    assert direct(claims_of(body)) == [
        (
            "I write to urge the Commission to act now on the refund requests from our utilities.",
            "Dana Whitlock",
        ),
        (
            "Families in our state have waited three years for this money to come back.",
            "Dana Whitlock",
        ),
    ]


def test_who_is_told_who_is_accused_and_who_was_present_do_not_speak():
    body = (
        "Mark Oduya, another parent, told Radio Tarn he believed officers had decided.\n\n"
        "Radio Tarn was told that two teaching posts had already been cut.\n\n"
        "Nora Fairley, the health secretary, told Ashby at a meeting on Tuesday that nurses "
        "would retire early, according to two people present.\n\n"
        "His colleague Priya Shan, 41, an accountant, said she had some sympathy for them."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "Mark Oduya",
        None,
        "Nora Fairley",
        "Priya Shan",
    ]
    accused = claims_of('Kirsty Blaine has been accused of "presiding over a winter crisis".')
    assert speakers(accused, "partial_quote") == [("presiding over a winter crisis", None)]


def test_bodies_named_as_possessors_and_by_what_they_are():
    body = (
        "Tarnshire County Council's cabinet will decide next month. The council said falling "
        "pupil numbers meant the school was no longer viable.\n\n"
        "Brightway Retail Group said in a statement that it had removed the listing. The "
        "company said all "
        "sellers must confirm their products are safe.\n\n"
        "Gallard's letter, seen by The Times, said the change would hurt middle earners."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "Tarnshire County Council",
        "Brightway Retail Group",
        "Brightway Retail Group",
        "Gallard",
    ]


def test_single_marks_close_before_a_link_and_quotations_inside_quotations():
    body = (
        "Priya Shan said she would be ‘furious’ if the dispute dragged on. ‘It’s the run-up "
        "to Christmas. Everyone’s already stretched,’ she said.\n\n"
        "‘We hear from people who were told “it won’t be long” and still wait,’ said Dr Ann "
        "Marsh. ‘They have simply stopped ringing the hospital,’ she added."
    )
    claims = claims_of(body)
    assert [speaker for _, speaker in direct(claims)] == ["Priya Shan", "Ann Marsh", "Ann Marsh"]
    assert ("it won’t be long", None) in speakers(claims, "partial_quote")


def test_surnames_that_are_place_words_campaign_committees_and_kinship_is_no_title():
    body = (
        "Julian Parks-Lee was away. Julian Park, chief economist at Halvorsen Capital, said "
        "the statement had shifted. Park said he still expects two cuts.\n\n"
        "Her campaign committee, Marchetti for America, said it raised $4.2 million.\n\n"
        "His wife Maria Tolland said the insurer had not called."
    )
    claims, mentions = extract_article("A headline", None, body)
    assert [c.speaker_name for c in claims if c.claim_type == "reported_speech"] == [
        "Julian Park",
        "Julian Park",
        "Marchetti for America",
        "Maria Tolland",
    ]
    roles = {m.name: m.role for m in mentions if m.actor_type == "person"}
    assert roles["Maria Tolland"] is None
    victoria = extract_article("A headline", None, "Crowds gathered in Victoria Park.")[1]
    assert [(m.name, m.actor_type) for m in victoria] == [("Victoria Park", "place")]


def test_a_brand_called_the_company_and_words_someone_is_understood_to_have_said():
    body = (
        'QuickCart said in a statement last night: "Safety is our highest priority." The '
        "company claimed that all sellers must confirm their products are safe.\n\n"
        "Ruth Okoro spoke on Monday. Okoro is understood to have warned that middle earners "
        "would feel betrayed."
    )
    assert [speaker for _, speaker in reported(body)] == ["QuickCart", "Ruth Okoro"]


def test_interview_answers_labelled_by_name_or_initials_after_a_question():
    body = (
        "Professor Hana Okafor of Lakeshore University led the study.\n\n"
        "((Q)) What led you to look into this subject?\n\n"
        "Hana Okafor I am a professor of public health and I study injuries.\n\n"
        "((Q)) How well do the results apply today?\n\n"
        "HO Although we used older data, we repeated the analysis with new figures.\n\n"
        "Nobody asked anything here.\n\n"
        "HO Kamara scored twice on Sunday in a match that drew a big crowd."
    )
    assert direct(claims_of(body)) == [
        ("I am a professor of public health and I study injuries.", "Hana Okafor"),
        ("Although we used older data, we repeated the analysis with new figures.", "Hana Okafor"),
    ]
    transcript = (
        "Anna Karimova met reporters.\n\nKarimova: We have waited for an answer for months."
    )
    assert direct(claims_of(transcript)) == [
        ("We have waited for an answer for months.", "Anna Karimova")
    ]


def test_a_year_before_the_subject_and_a_verb_before_a_title_are_not_the_speaker():
    body = (
        "On 2 April, 2012 Kestrel Watch reported that the government had widened its "
        "crackdown on bloggers.\n\nWrote blogger Mary Banda:\n\n"
        "The ruling party will soon run out of money in its quest to close us down."
    )
    claims, mentions = extract_article("A headline", None, body)
    assert [c.speaker_name for c in claims if c.claim_type != "assertion"] == [
        "Kestrel Watch",
        "Mary Banda",
    ]
    assert {m.name: m.role for m in mentions if m.actor_type == "person"} == {
        "Mary Banda": "blogger"
    }


def test_names_called_by_a_family_name_first_or_a_given_name_with_an_honorific():
    body = (
        "Minister for Manpower Tan Wei Ling said the law would protect outdoor workers.\n\n"
        '"Most employers have done the right thing," said Ms Tan.\n\n'
        "Opposition MP Kavitha Ramasamy asked why the threshold was so high.\n\n"
        '"The law should recognise that," said Ms Kavitha.\n\n'
        "Nominated MP Lim Chee Kiat, a physician, said the law was long overdue.\n\n"
        '"One sensor at the site office tells you very little," said Dr Lim.'
    )
    assert [speaker for _, speaker in direct(claims_of(body))] == [
        "Tan Wei Ling",
        "Kavitha Ramasamy",
        "Lim Chee Kiat",
    ]


def test_bodies_named_for_what_they_look_after_in_a_country_and_maori_titles():
    body = (
        "Mothers will travel at night after Health New Zealand confirmed it is suspending "
        "overnight services. Rob Jordan said the decision was a mistake.\n\n"
        "Kaumātua Matiu Te Kani later told officials the community had built the centre."
    )
    claims, mentions = extract_article("A headline", None, body)
    kinds = {(m.name, m.actor_type) for m in mentions}
    assert {("Health New Zealand", "organization"), ("Rob Jordan", "person")} <= kinds
    assert ("Matiu Te Kani", "person") in kinds
    assert [(c.speaker_name, c.claim_text) for c in claims if c.claim_type != "assertion"] == [
        ("Health New Zealand", "it is suspending overnight services."),
        ("Rob Jordan", "the decision was a mistake."),
        ("Matiu Te Kani", "the community had built the centre."),
    ]


def test_particles_in_a_subject_an_articles_own_surname_and_company_and_paper_names():
    body = (
        "Dutch MEP Joost van Aken called the fee “pocket change,” and said his group would "
        "table amendments to triple it.\n\n"
        "Guard Sierra Mbeki scored 21 points. “I had the look I wanted,” Mbeki said.\n\n"
        "The emails were obtained by the Harbor City Ledger. The drug is made by Orrin "
        "Therapeutics. Tomas Eckhardt, Orrin’s chief medical officer and the paper’s senior "
        "author, said the trial was designed with regulators."
    )
    claims, mentions = extract_article("A headline", None, body)
    assert [
        c.speaker_name for c in claims if c.claim_type in ("reported_speech", "direct_quote")
    ] == [
        "Joost van Aken",
        "Sierra Mbeki",
        "Tomas Eckhardt",
    ]
    kinds = {(m.name, m.actor_type) for m in mentions}
    assert {("Harbor City Ledger", "organization"), ("Orrin Therapeutics", "organization")} <= kinds
    assert "Thabo Mbeki" not in {m.name for m in mentions}
    eckhardt = next(c for c in claims if c.speaker_name == "Tomas Eckhardt")
    assert eckhardt.speaker_role == "Orrin’s chief medical officer"


def test_lead_ins_that_describe_then_name_or_open_on_an_introductory_phrase():
    body = (
        "A citizen news website, Kweluka, reported on the opposition's threat:\n\n"
        "A group of opposition parties says impeaching the president remains an option.\n\n"
        "But one reader, Jackson, had a different view:\n\n"
        "I do not think a serious government can lose sleep over a small website.\n\n"
        "Regarding the border, Amal Haddad had a short reply for her critics:\n\n"
        "The border is not for sale and it never will be, whatever they offer us."
    )
    assert [speaker for _, speaker in direct(claims_of(body))] == [
        "Kweluka",
        "Jackson",
        "Amal Haddad",
    ]


def test_offices_of_councils_courts_and_services_and_counsel_who_submitted():
    body = (
        "State Emergency Service Acting Superintendent Dean Kovacs said crews had carried out "
        "37 rescues. Acting Superintendent Kovacs said a warning remained in place.\n\n"
        "Shire mayor Kerry-Anne Doolan said the council had moved sandbags. "
        '"We have been through this before," Cr Doolan said.\n\n'
        "Additional Advocate-General P. Natarajan, appearing for the State, submitted that "
        "the Collector had identified 118 encroachments.\n\n"
        "Hamoud bin Salim al-Harthi, the undersecretary, declined to confirm the meeting but "
        "said the sultanate was open to talks."
    )
    claims, mentions = extract_article("A headline", None, body)
    assert [c.speaker_name for c in claims if c.claim_type != "assertion"] == [
        "Dean Kovacs",
        "Dean Kovacs",
        "Kerry-Anne Doolan",
        "Kerry-Anne Doolan",
        "P. Natarajan",
        "Hamoud bin Salim al-Harthi",
    ]
    roles = {m.name: m.role for m in mentions if m.actor_type == "person"}
    assert roles["P. Natarajan"] == "Additional Advocate-General"


def test_a_transcript_with_a_host_in_capitals_and_answers_over_paragraphs():
    body = (
        "Rural superintendent Carla Whitby spoke with host Dan Ortiz about the change.\n\n"
        "DAN ORTIZ, HOST: Carla Whitby, welcome to the program.\n\n"
        "CARLA WHITBY: Thanks for having me on the show, Dan.\n\n"
        "ORTIZ: Why did your district go to four days a week?\n\n"
        "WHITBY: Two reasons, and I will be honest about both of them.\n\n"
        "The second reason was money, and we saved less than we hoped.\n\n"
        "ORTIZ: Did it work?\n\n"
        "WHITBY: On recruiting, yes, and quickly enough for the board.\n\n"
        "Maria Lopez reviewed the figures and disagreed with her account."
    )
    assert direct(claims_of(body)) == [
        ("Thanks for having me on the show, Dan.", "Carla Whitby"),
        ("Two reasons, and I will be honest about both of them.", "Carla Whitby"),
        ("The second reason was money, and we saved less than we hoped.", "Carla Whitby"),
        ("On recruiting, yes, and quickly enough for the board.", "Carla Whitby"),
    ]


def test_an_attribution_set_off_inside_the_sentence_it_reports():
    body = (
        "Jim Ruiz pays more now. Each visit comes with a fee of about $240, he said, and his "
        "plan covers none of it.\n\n"
        "Commissioner Ana Ruiz said the plant would bring 1,800 jobs to a district where, she "
        "said, work is scarce.\n\n"
        'Asked how many arrests he expected, Hughes said, "None at all, I hope."'
    )
    assert reported(body) == [
        (
            "Each visit comes with a fee of about $240, he said, and his plan covers none of it.",
            "Jim Ruiz",
        ),
        (
            "the plant would bring 1,800 jobs to a district where, she said, work is scarce.",
            "Ana Ruiz",
        ),
    ]


def test_kinds_of_people_and_bodies_that_speak_in_the_plural_are_unnamed_sources():
    body = (
        "Hospitals say the fees cover the higher costs of running their clinics.\n\n"
        "The mayor’s allies argued that the alternative to the vote was far worse.\n\n"
        "She did not clear the interview, though allies denied she was plotting a bid."
    )
    found = reported_claims(body)
    assert [(c.claim_text, c.speaker_name) for c in found] == [
        ("the fees cover the higher costs of running their clinics.", "Hospitals"),
        ("the alternative to the vote was far worse.", "The mayor’s allies"),
        ("she was plotting a bid.", "allies"),
    ]


def test_someone_known_by_one_name_after_their_office():
    body = (
        "The energy ministry’s director general of oil and gas, Sutarjo, said the timing was "
        "chosen so that exporters could adjust.\n\n"
        '"We gave the industry two months of notice," said Sutarjo, who uses one name.'
    )
    claims = claims_of(body)
    assert [(c.claim_type, c.speaker_name) for c in claims if c.claim_type != "assertion"] == [
        ("reported_speech", "Sutarjo"),
        ("direct_quote", "Sutarjo"),
    ]


def test_a_dated_document_an_issuers_schedule_and_a_verb_before_its_preposition():
    body = (
        "According to a March 14, 2019 NATO press release, Hungary spent 1.15% of its GDP on "
        "defence.\n\n"
        "Valley Power began the shutoffs. According to Valley Power’s schedule, by noon over "
        "half a million customers could be affected.\n\n"
        "Ana Ruiz said the acquisition fits into the investment strategy of the government."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "North Atlantic Treaty Organization",
        "Valley Power",
        "Ana Ruiz",
    ]


def test_hong_kong_and_korean_names_and_a_title_complement_with_and():
    body = (
        "Undersecretary for Environment and Ecology Cheryl Lam Hoi-yan told the panel that "
        "the government had consulted 1,400 tenants.\n\n"
        '"We understand the concerns," Lam said.\n\n'
        "Podcaster Kim Eo-jin said the police were wrong. "
        '"We will keep talking," Kim said.'
    )
    claims = claims_of(body)
    assert [c.speaker_name for c in claims if c.claim_type != "assertion"] == [
        "Cheryl Lam Hoi-yan",
        "Cheryl Lam Hoi-yan",
        "Kim Eo-jin",
        "Kim Eo-jin",
    ]


def test_a_description_then_the_name_it_describes_between_commas():
    body = (
        "Forward Party’s candidate for prime minister, former finance minister Ilze Ozola, "
        "told a rally in Riga on Monday that her opponents were promising cheap power."
    )
    assert reported(body) == [("her opponents were promising cheap power.", "Ilze Ozola")]


def test_a_family_speaks_a_role_ends_at_a_semicolon_and_filipino_particles():
    body = (
        "Hosni Mubarak died on Tuesday. Reportedly, his family said he was in intensive care "
        "after an operation last month.\n\n"
        '"We will use the full force of the law," said Delfin Reyes, the Defence Secretary; '
        'he described the attacks as a "dastardly act".'
    )
    claims = claims_of(body)
    assert [(c.claim_type, c.speaker_name) for c in claims if c.claim_type != "assertion"] == [
        ("reported_speech", "his family"),
        ("direct_quote", "Delfin Reyes"),
        ("partial_quote", "Delfin Reyes"),
    ]
    assert {c.speaker_role for c in claims if c.speaker_name == "Delfin Reyes"} == {
        "Defence Secretary"
    }


def test_city_newspapers_and_compound_adjectives_before_a_name():
    body = (
        "The Harbor City Star reported that the senator had died. Yemen-based Houthi rebels "
        "claimed the attack. London-based Acme Corp said profits fell."
    )
    mentions = extract_article("A headline", None, body)[1]
    assert {(m.name, m.actor_type) for m in mentions} >= {
        ("Acme Corp", "organization"),
    }
    assert not any(m.actor_type == "person" for m in mentions)
    claims = claims_of("The Toronto Star reported that the senator had died on Monday.")
    assert [(c.speaker_name, c.speaker_type) for c in claims] == [("Toronto Star", "organization")]


def test_a_spokeswoman_for_an_electric_utility_speaks_for_a_body():
    claims = claims_of(
        "A spokeswoman for Pacific Ridge Electric said the company had not found the cause."
    )
    assert [(c.speaker_name, c.speaker_type) for c in claims] == [
        ("Pacific Ridge Electric", "organization")
    ]


def test_given_names_of_many_traditions_make_a_pair_a_person():
    body = (
        "Deputy Minister for Development of Communities and Territories Oksana Hrytsenko "
        "said the boilers were late. Chukwuemeka Obi said the plan had failed."
    )
    assert [speaker for _, speaker in reported(body)] == ["Oksana Hrytsenko", "Chukwuemeka Obi"]


def said_by(claims) -> list[tuple[str, str | None]]:
    return [(c.claim_type, c.speaker_name) for c in claims if c.claim_type != "assertion"]


def test_assembly_members_and_councillors_titled_in_abbreviation():
    body = (
        "Rural Alliance MPA Farida Noor Qureshi said the treasury had no answer to the "
        "questions. “We are ready to vote,” said Coun. Jonah Whitfield (Ward 9, Lakeshore), "
        "who brought the motion."
    )
    assert said_by(claims_of(body)) == [
        ("reported_speech", "Farida Noor Qureshi"),
        ("direct_quote", "Jonah Whitfield"),
    ]


def test_her_honour_is_the_judge_named_before():
    body = (
        "Judge Miriam Castellane sentenced him to six years in jail. Her Honour noted that "
        "several of the victims were pensioners who had lost their homes."
    )
    assert reported(body) == [
        ("several of the victims were pensioners who had lost their homes.", "Miriam Castellane")
    ]


def test_told_a_newspaper_then_what_was_said():
    body = (
        "Omar Haddad, who runs a bakery on Bloor St. W., told the Courier he worried his "
        "rent would rise. A hospital official told Metro Wire, a local news agency, that two "
        "of the patients had died overnight."
    )
    assert reported(body) == [
        ("he worried his rent would rise.", "Omar Haddad"),
        ("two of the patients had died overnight.", "A hospital official"),
    ]
    # Told a newspaper, and then not a clause: nothing is reported.
    quoted = "“We cannot wait any longer,” Lina Petrenko told the Kyiv Courier, standing there."
    assert said_by(claims_of(quoted)) == [("direct_quote", "Lina Petrenko")]


def test_long_names_with_a_party_in_initials():
    body = (
        "Treasury member Malik Tariq Ahmed Gondal of the PML-N said the opposition had "
        "“forgotten” its own record. Agriculture Minister Mian Arshad Iqbal Bhatti said the "
        "loans had been paid."
    )
    assert [speaker for _, speaker in reported(body)] == [
        "Malik Tariq Ahmed Gondal",
        "Mian Arshad Iqbal Bhatti",
    ]
    roles = {m.name: m.role for m in extract_article("A headline", None, body)[1]}
    assert roles["Mian Arshad Iqbal Bhatti"] == "Agriculture Minister"


def test_an_office_in_lower_case_between_a_party_and_a_name():
    body = (
        "Greens digital policy spokeswoman Hanne Vollmer called the plan “a privacy "
        "nightmare” and said the government had not answered who would store the data. "
        "The Commission on Audit earlier flagged the project, noting that payments were "
        "released without inspection reports."
    )
    assert [speaker for _, speaker in reported(body)] == ["Hanne Vollmer", "Commission on Audit"]


def test_a_headline_quote_before_a_colon_is_the_body_speakers():
    claims = claims_of(
        "“He took their savings and their trust, and he did so month after month,” Judge "
        "Miriam Castellane said.",
        headline="‘He took their savings and their trust’: strata manager jailed",
    )
    assert direct(claims)[0] == ("He took their savings and their trust", "Miriam Castellane")
    # A title the body's speaker names is nobody's quotation.
    titled = claims_of(
        "“I wrote ‘Walls of the City’ in a winter,” author Dana Ruiz said.",
        headline="Author of ‘Walls of the City’ wins prize",
    )
    assert [c.speaker_name for c in titled if c.location == "headline"] == [None]


def test_a_demonym_after_a_given_name_is_a_surname():
    body = (
        "Journalist Tom Finn was at the scene:\n\n"
        "Police everywhere, pieces of glass scattered over the tarmac.\n\n"
        "Late on Sunday, the Kurdish-led Northern Forces announced it had signed an "
        "agreement with the government."
    )
    assert said_by(claims_of(body)) == [
        ("direct_quote", "Tom Finn"),
        ("reported_speech", "Northern Forces"),
    ]


def test_a_lead_in_naming_the_author_of_a_poem_or_post():
    body = (
        "The piece with the most views was a poem written by Amaru Quispe:\n\n"
        "A land is built from concrete, and from the dream grown, disappointment.\n\n"
        "Amr Salem's reply was tweeted by Nadia Fares:\n\n"
        "We will build the bridge, and we will build it with our own hands."
    )
    found = said_by(claims_of(body))
    assert found[0] == ("direct_quote", "Amaru Quispe")
    # A reply tweeted by someone is relayed, not written, by them.
    assert ("direct_quote", "Nadia Fares") not in found


def test_a_question_reports_nothing_and_ma_abbreviates_a_given_name():
    body = (
        "What would you do if you were told that the town had only three days left? "
        "Sen. Ma. Lourdes Abalos said the hearing would resume on Monday."
    )
    assert reported(body) == [("the hearing would resume on Monday.", "Ma. Lourdes Abalos")]
    assert "Ma" not in people_of(body)


def test_a_middle_initial_makes_a_person_and_romance_place_words_open_a_place():
    body = (
        "The prize went to Edward Prescott of Arizona State University and Finn E. Kydland "
        "of Norway. Protesters filled the Puerta del Sol and the Plaza de Mayo again, and "
        "Orlan K. Mbeya wrote to the council."
    )
    mentions = extract_article("A headline", None, body)[1]
    kinds = {(m.name, m.actor_type) for m in mentions}
    assert {
        ("Finn E. Kydland", "person"),
        ("Arizona State University", "organization"),
        ("Puerta del Sol", "place"),
        ("Plaza de Mayo", "place"),
        ("Orlan K. Mbeya", "person"),
    } <= kinds
    assert not any(m.actor_type == "person" and "Sol" in m.name for m in mentions)


def test_the_company_is_a_body_called_by_its_trade_and_dean_before_a_lone_surname():
    body = (
        "Attention turned to Coastline Electric, the utility whose lines cross the canyon. "
        "The company said it had not determined whether the fault caused the fire.\n\n"
        "Dean Corwin, the state's health care advocate, said his office had received 214 "
        "complaints. Dean Maria Lopez of the law school said the policy was new."
    )
    assert reported(body) == [
        ("it had not determined whether the fault caused the fire.", "Coastline Electric"),
        ("his office had received 214 complaints.", "Dean Corwin"),
        ("the policy was new.", "Maria Lopez"),
    ]


def test_analysts_at_a_firm_speak_for_it():
    body = (
        "Analysts at Oslo-based Fjord Coast Economics said the cap could cost three times "
        "as much. Some experts said the plan was sound."
    )
    assert reported(body) == [
        ("the cap could cost three times as much.", "Fjord Coast Economics"),
        ("the plan was sound.", "Some experts"),
    ]


def test_her_office_and_his_spokesman_speak_for_the_person_named():
    body = (
        "Ald. Nora Quist, who voted no, said the budget spent too much. Overtime alone is "
        "projected to cost about $190 million next year, according to her office. Senator "
        "Tom Reyes was absent. His spokesman said the senator was ill."
    )
    assert [speaker for _, speaker in reported(body)] == ["Nora Quist", "Nora Quist", "Tom Reyes"]
    roles = {m.name: m.role for m in extract_article("A headline", None, body)[1]}
    assert roles["Nora Quist"] == "Ald."


def test_a_romanised_given_name_and_an_office_then_a_relative_clause_before_the_verb():
    body = (
        "Wong Kwok-keung, chairman of the Harbour Market Tenants' Association, who runs a "
        "fish stall in Sham Tseng, said members felt ignored. Wong said a petition would "
        "follow. Cold War-era bunkers and Las Vegas-style casinos were mentioned."
    )
    assert reported(body) == [
        ("members felt ignored.", "Wong Kwok-keung"),
        ("a petition would follow.", "Wong Kwok-keung"),
    ]
    assert people_of(body) == {"Wong Kwok-keung"}


def test_a_clause_begun_before_a_relative_that_and_a_long_opening_phrase():
    body = (
        "Governor Ada Brandt has said she will not sign a budget that does not fund the "
        "schools. Following the Senate Finance Committee's release of two of five planned "
        "reports on the state's pension liabilities, Sen. Rolf Ekdahl today criticized the "
        "delay and said he would urge an independent board that oversees pensions to act."
    )
    assert reported(body) == [
        ("she will not sign a budget that does not fund the schools.", "Ada Brandt"),
        ("he would urge an independent board that oversees pensions to act.", "Rolf Ekdahl"),
    ]
    # A relative clause after the verb's object still reports nothing.
    assert reported("Mayor Ann Lee tweeted from a scene that continued to burn.") == []


def test_a_statement_issued_saying_or_that_reports_its_issuer():
    body = (
        "The Department of Corrections issued a statement that an inmate had been stabbed. "
        "Harbor Motors released a statement on Friday saying its plant would reopen. The "
        "Ministry of Health released a statement that criticised the plan."
    )
    assert reported(body) == [
        ("an inmate had been stabbed.", "Department of Corrections"),
        ("its plant would reopen.", "Harbor Motors"),
    ]


def test_a_relaying_outlet_cites_its_source_as_saying():
    body = (
        "Reuters quoted Interior Minister Ana Lima as telling reporters in Lisbon that the "
        "border would stay closed. The Courier also cited Budi Gunawan, chief of the "
        "State Intelligence Agency, as saying the suspects were linked to a wider network."
    )
    assert reported(body) == [
        ("the border would stay closed.", "Ana Lima"),
        ("the suspects were linked to a wider network.", "Budi Gunawan"),
    ]


def test_unnamed_sources_set_off_inside_the_sentence_they_report():
    body = (
        "The new jet was not airworthy, investigators have said, and should not have taken "
        "off. Talks collapsed on Monday, officials said, as both sides traded blame."
    )
    assert reported(body) == [
        (
            "The new jet was not airworthy, investigators have said, and should not have "
            "taken off.",
            "investigators",
        ),
        ("Talks collapsed on Monday", "officials"),
    ]


def test_an_opening_adverbial_after_that_may_carry_a_relative_clause():
    body = (
        "Videoblogger Daniel Fraga argues in this video that in a country such as Brazil, "
        "where racial mixing is very high, it would be difficult to define who is black."
    )
    assert reported(body) == [
        (
            "in a country such as Brazil, where racial mixing is very high, it would be "
            "difficult to define who is black.",
            "Daniel Fraga",
        )
    ]


def test_speech_verbs_of_a_retort_and_county_members_titles():
    body = (
        "Ekerenyo MCA Dennis Mokaya tabled the motion. “Let him bring the evidence,” shot "
        "back Mr Mokaya.\n\nCritics hit back at the plan."
    )
    assert direct(claims_of(body)) == [("Let him bring the evidence", "Dennis Mokaya")]
    assert reported(body) == []


def test_a_headline_quote_before_a_colon_is_the_next_named_persons():
    claims, _ = extract_article(
        "'Farmers will write the script of this election': PVM chief Pal launches yatra",
        None,
        "Purvanchal Vikas Morcha chief Shivendra Kumar Pal told a rally that farmers were angry.",
    )
    assert [(c.claim_text, c.speaker_name) for c in claims if c.location == "headline"] == [
        ("Farmers will write the script of this election", "Shivendra Kumar Pal")
    ]


def test_an_age_or_a_persons_noun_apposed_shows_a_person_and_a_given_name_after_ms():
    body = (
        "Sirinya Boonprasert, a lawyer with the Andaman Rights Centre, said the ruling set a "
        "precedent. According to Ms Sirinya, 40 seawalls were built. Kwabena Oduro, 58, "
        "said it was good. Coastal Watch, a state agency, said nothing new."
    )
    assert people_of(body) == {"Sirinya Boonprasert", "Kwabena Oduro"}


def test_a_passive_gives_a_quotation_to_its_agent_and_a_pronoun_to_its_patient():
    body = (
        'The outbreak was declared a "pandemic" by the World Health Organization. The plan '
        'was described as "a betrayal of voters" by opposition leader Mark Dunn.'
    )
    assert speakers(claims_of(body), "partial_quote") == [
        ("pandemic", "World Health Organization"),
        ("a betrayal of voters", "Mark Dunn"),
    ]
    body = (
        "Retired general Michael Flynn was on stage while Donald Trump flew over. It was the "
        "first time Flynn spoke since he was pardoned by Trump. He said “That is pretty cool "
        "and I am grateful.”"
    )
    assert direct(claims_of(body)) == [("That is pretty cool and I am grateful.", "Michael Flynn")]


def test_a_bodys_field_joined_by_and_is_part_of_its_name_and_company_words():
    body = (
        "The Brazilian Institute of Geography and Statistics published the data. Kwame "
        "Railway said London Underground would help, as Optimum Sports reported."
    )
    assert {(m.name, m.actor_type) for m in extract_article("A headline", None, body)[1]} == {
        ("Brazilian Institute of Geography and Statistics", "organization"),
        ("Kwame Railway", "organization"),
        ("Optimum Sports", "organization"),
        ("London Underground", "organization"),
    }


def test_a_body_word_refers_to_the_body_not_to_a_person_whose_role_names_it():
    body = (
        "Marisol Quintero, director of the Heat Justice Coalition, said her group had heard "
        "from 300 families. According to the coalition, 38,000 households lost their service "
        "last year."
    )
    assert reported(body) == [
        ("her group had heard from 300 families.", "Marisol Quintero"),
        ("38,000 households lost their service last year.", "Heat Justice Coalition"),
    ]


def test_a_plural_in_ies_after_that_and_a_present_tense_after_he_open_a_clause():
    body = (
        "Its president, Gregory S. Lindqvist, said in a statement that utilities already "
        "work with struggling customers. Anil Menon, 41, an accountant who lives in Ajman, "
        "said he spends about Dh1,800 a month on fuel. Mayor Ann Lee tweeted from a scene "
        "that carries risks."
    )
    assert reported(body) == [
        ("utilities already work with struggling customers.", "Gregory S. Lindqvist"),
        ("he spends about Dh1,800 a month on fuel.", "Anil Menon"),
    ]


def test_a_lead_in_naming_the_source_of_a_criticism_or_a_reaction_hands_over_to_it():
    body = (
        "The law passed on Friday.\n\n"
        "One of the first criticisms, before the vote, came from Daniel Fernández, bishop of "
        "the Diocese of Jujuy, in Argentina:\n\n"
        "“The church has made its opinion known from the beginning.”\n\n"
        "The strongest reaction came from the Ministry of Health:\n\n"
        "“This law protects every citizen and we will apply it fully.”"
    )
    assert direct(claims_of(body)) == [
        ("The church has made its opinion known from the beginning.", "Daniel Fernández"),
        ("This law protects every citizen and we will apply it fully.", "Ministry of Health"),
    ]


def test_a_body_introduced_by_a_qualified_kind_is_what_that_kind_refers_to_later():
    body = (
        "The rebel group Upper Nile Liberation Front said it had captured the town. The "
        "rebel group said it had taken large stocks of weapons."
    )
    assert reported(body) == [
        ("it had captured the town.", "Upper Nile Liberation Front"),
        ("it had taken large stocks of weapons.", "Upper Nile Liberation Front"),
    ]


def test_a_name_apposed_to_an_object_is_not_the_subject_a_pronoun_goes_back_to():
    body = (
        "On Wednesday, Senator Elizabeth Warren of Massachusetts and Michael Bloomberg, "
        "formerly the mayor of New York City, ended their campaigns.\n\n"
        "Wednesday, the same day that he dropped out, Bloomberg endorsed his former rival, "
        'Joe Biden. "Three months ago," he said, "I entered the race to defeat the president."'
    )
    assert direct(claims_of(body)) == [
        ("Three months ago", "Michael Bloomberg"),
        ("I entered the race to defeat the president.", "Michael Bloomberg"),
    ]


def test_treaties_faiths_platforms_and_sentence_adverbs_are_no_people():
    body = (
        "The Camp David Accords were signed. Polish Roman Catholic priests were named. Posts "
        "on the Twitter-like Sina Weibo spread fast. Afterwards Trump visited California."
    )
    assert {(m.name, m.actor_type) for m in extract_article("A headline", None, body)[1]} == {
        ("Sina Weibo", "organization"),
        ("Donald Trump", "person"),
        ("California", "place"),
    }


def test_a_party_and_district_apposed_and_south_african_counsel():
    body = (
        "Sen. Ramona Ekdahl, DFL-St. Paul, who chairs the committee, called the delay “a pay "
        "cut for the people who get grandma out of bed.”\n\n"
        "Mashiane was led in evidence by advocate Thabo Sehlare SC. Sehlare said the "
        "investigators had visited the site in June."
    )
    assert speakers(claims_of(body), "partial_quote") == [
        ("a pay cut for the people who get grandma out of bed", "Ramona Ekdahl")
    ]
    assert reported(body) == [("the investigators had visited the site in June.", "Thabo Sehlare")]


def test_councillors_and_honourable_members_are_titled_not_named_so():
    body = (
        "Labour councillor Ann Keary opposed the scheme. “This is not how you build a "
        "town,” Cllr Keary said. “We cannot be against everything,” said Cllr Tom Dowd.\n\n"
        "Hon. Bisi Adeyemo, who represents Ikole, said the Assembly would not be "
        "intimidated. “This House is not a rubber stamp,” Hon. Adeyemo said."
    )
    claims = claims_of(body)
    assert direct(claims) == [
        ("This is not how you build a town", "Ann Keary"),
        ("We cannot be against everything", "Tom Dowd"),
        ("This House is not a rubber stamp", "Bisi Adeyemo"),
    ]
    assert reported(body) == [("the Assembly would not be intimidated.", "Bisi Adeyemo")]
    assert people_of(body) == {"Ann Keary", "Tom Dowd", "Bisi Adeyemo"}


def test_a_surname_first_name_with_a_one_letter_syllable():
    body = (
        "Legislator Lin A-kuei said the formula was fair. “At least now everyone knows "
        "the formula,” Lin said."
    )
    assert direct(claims_of(body)) == [("At least now everyone knows the formula", "Lin A-kuei")]


def test_bodies_whose_names_end_in_survey_presidency_or_homes():
    body = (
        "Turkey's Disaster and Emergency Management Presidency reported the quake was of "
        "magnitude 6.6. The US Geological Survey reported it was of magnitude 7.0. "
        "Brayfield Homes said the site was suitable. The NGO Landwatch said deals were rising."
    )
    assert reported(body) == [
        ("the quake was of magnitude 6.6.", "Disaster and Emergency Management Presidency"),
        ("it was of magnitude 7.0.", "US Geological Survey"),
        ("the site was suitable.", "Brayfield Homes"),
        ("deals were rising.", "Landwatch"),
    ]
    assert people_of(body) == set()


def test_an_opening_participle_is_no_speaker():
    body = (
        "Reacting, the chairman of the committee, Musa Bello, dismissed the allegation as "
        "“a figment of the imagination.”"
    )
    assert speakers(claims_of(body), "partial_quote") == [
        ("a figment of the imagination", "Musa Bello")
    ]


def test_a_person_described_by_age_is_the_one_the_story_is_about():
    body = (
        "“I do not feel safe on the platform,” said Maria Ruiz.\n\n"
        "The 58-year-old home health aide from Kensington told the council on Tuesday that "
        "she now takes two buses to work.\n\n"
        "The 45-year-old father of two said he was angry."
    )
    assert reported(body) == [("she now takes two buses to work.", "Maria Ruiz")]


def test_the_agent_of_a_passive_speech_verb_speaks():
    body = (
        "Boris Johnson won a majority. The result was described by Johnson as a "
        '"historic mandate", saying he intends to leave the EU by January.'
    )
    claims = claims_of(body)
    assert speakers(claims, "partial_quote") == [("historic mandate", "Boris Johnson")]
    assert speakers(claims, "reported_speech") == [
        ("he intends to leave the EU by January.", "Boris Johnson")
    ]


def test_a_relative_clause_after_a_quotation_is_another_clause():
    body = (
        "A row has erupted, with one councillor claiming officials were “steamrolling” a "
        "development that local people say the town cannot absorb."
    )
    assert speakers(claims_of(body), "partial_quote") == [("steamrolling", None)]


def test_a_body_spoken_of_by_its_kind_reports():
    body = (
        "The DPP caucus said in a statement that the amendments had been rushed. "
        "The panel found that the rules were broken."
    )
    assert reported(body) == [
        ("the amendments had been rushed.", "The DPP caucus"),
        ("the rules were broken.", "The panel"),
    ]


def test_a_participle_reports_a_clause_but_not_an_object():
    body = (
        "Mayor Ann Cole spoke on Monday, declaring that the bridge would reopen. "
        "The ministry issued a statement confirming that two people had died. "
        "Police arrested two men, revealing their names on Friday."
    )
    assert reported(body) == [
        ("the bridge would reopen.", "Ann Cole"),
        ("two people had died.", "The ministry"),
    ]


def test_a_participle_after_a_noun_gives_a_document_s_words_not_a_speaker_s():
    body = (
        "President Ann Cole passed a bill declaring the forest “untouchable” last year. "
        "The next day, Cole delivered a speech declaring herself the “president of order.”"
    )
    assert speakers(claims_of(body), "partial_quote") == [
        ("untouchable", None),
        ("president of order", "Ann Cole"),
    ]


def test_an_interview_sets_its_speakers_in_double_parentheses():
    body = (
        "Ana Brill told Wikinews she founded the project in 2004.\n\n"
        "Why was the project created?\n\n"
        "((Ana Brill)) The project was created because the old system had been abandoned.\n\n"
        "At the time our small team was relying on it as a build environment.\n\n"
        "((Wikinews)) What comes next for the project?\n\n"
        "((Ana Brill)) We will publish a stable release for everyone next year."
    )
    assert direct(claims_of(body)) == [
        ("The project was created because the old system had been abandoned.", "Ana Brill"),
        ("At the time our small team was relying on it as a build environment.", "Ana Brill"),
        ("We will publish a stable release for everyone next year.", "Ana Brill"),
    ]


def test_sources_with_numbers_long_unnamed_sources_and_a_paper_named_for_a_day():
    body = (
        "The Lost 52 Project announced on Sunday that the wreck was the Grayback. "
        "In findings published Wednesday, researchers from the University of Washington "
        "and Stanford University reported that most deaths were caused by coal. "
        "Both firms have operated since the 1970s, according to USA Today."
    )
    assert reported(body) == [
        ("the wreck was the Grayback.", "The Lost 52 Project"),
        (
            "most deaths were caused by coal.",
            "researchers from the University of Washington and Stanford University",
        ),
        ("Both firms have operated since the 1970s", "USA Today"),
    ]


def test_a_statement_from_someone_just_before_a_quotation_is_theirs():
    body = (
        "King Arun Chaiyo spoke on Friday. The palace issued the following statement from the "
        'king: "Even though she gave up her title, she remains a member of the family."'
    )
    assert direct(claims_of(body)) == [
        ("Even though she gave up her title, she remains a member of the family.", "Arun Chaiyo")
    ]
    body = "A report by The Economist titled ‘A new fund attests to the allure’ shows growth."
    assert speakers(claims_of(body), "partial_quote") == [
        ("A new fund attests to the allure", None)
    ]


def test_a_constituency_after_an_mp_is_no_person_and_an_office_takes_its_complement():
    body = (
        "Backbencher and MP for Westbury North Central, Lorna Pettigrew-Hall, said most "
        'voters had waited years. "The bill gives them a future," she said. '
        "Delroy Ashby, the MP for St Andrew Southern, said he doubted the agency's figures. "
        'Opposition Spokesman on Transport Ewart Bascombe said: "The timetable is a fantasy."'
    )
    claims = claims_of(body)
    assert {c.speaker_name for c in claims} == {
        "Lorna Pettigrew-Hall",
        "Delroy Ashby",
        "Ewart Bascombe",
    }
    assert people_of(body) == {"Lorna Pettigrew-Hall", "Delroy Ashby", "Ewart Bascombe"}


def test_bodies_named_for_people_communities_and_states():
    body = (
        "Ewart Bascombe said that while the People's Progressive Party (PPP) backed the "
        '"intent" of the bill, it had "grave doubts" about the board and its wide powers. '
        "The nine-member Economic Community of Coastal African States said in a communique "
        "that the fleet would be ready by June."
    )
    assert reported(body) == [
        (
            'while the People\'s Progressive Party (PPP) backed the "intent" of the bill, it '
            'had "grave doubts" about the board and its wide powers.',
            "Ewart Bascombe",
        ),
        ("the fleet would be ready by June.", "Economic Community of Coastal African States"),
    ]
    mentions = extract_article("A headline", None, body)[1]
    assert ("People's Progressive Party", "organization") in {
        (m.name, m.actor_type) for m in mentions
    }


def test_a_second_speech_verb_after_but_keeps_the_sentence_s_speaker():
    body = (
        "Mali's defence minister, Oumar Keita, said his army would help "
        "but insisted that the border must stay closed."
    )
    assert reported(body) == [
        ("his army would help", "Oumar Keita"),
        ("the border must stay closed.", "Oumar Keita"),
    ]


def test_a_surname_that_is_a_title_word_after_names_and_an_apposed_office():
    body = (
        "Corporator Farzana Begum Sheikh, who represents Ward 12, said her ward had no water. "
        "Ravi Kale, convener of the Pune Nagrik Sabha, a residents' forum, said previous "
        "projects had left roads dug up for months."
    )
    assert reported(body) == [
        ("her ward had no water.", "Farzana Begum Sheikh"),
        ("previous projects had left roads dug up for months.", "Ravi Kale"),
    ]


def test_a_unit_of_a_ministry_speaks_and_its_notification_is_its_own():
    body = (
        "The Gas Division of the Ministry of Energy said in a gazette notification that the "
        "price would rise from Tk 8.95 to Tk 9.71. Households will pay Tk 4.63 per unit, "
        "according to the notification."
    )
    assert reported(body) == [
        ("the price would rise from Tk 8.95 to Tk 9.71.", "Gas Division"),
        ("Households will pay Tk 4.63 per unit", "Gas Division"),
    ]
    places = {
        m.name for m in extract_article("A headline", None, body)[1] if m.actor_type == "place"
    }
    assert "Tk" not in places


def test_demanded_reports_only_a_clause_with_that():
    body = (
        "Councillor Vijay Wankhede walked out on Monday. He demanded that the proposal be "
        "referred to the full council. The union demanded answers from the board."
    )
    assert reported(body) == [
        ("the proposal be referred to the full council.", "Vijay Wankhede"),
    ]


def test_an_interview_that_labels_its_questions_runs_each_answer_to_the_next_label():
    body = (
        "Ana Brill answered questions from Wikinews.\n\n"
        "((WN)) Why did you found the project?\n\n"
        "((Ana Brill)) We founded it because the old system had been abandoned.\n\n"
        "I chose the name Team Zorin, Ana Brill, because it sounded bold and modern.\n\n"
        "The minister said the plan was sound, but we were not convinced by it.\n\n"
        "((WN)) Do you agree?\n\n"
        "((Ana Brill)) Yes.\n\n"
        "Ana Brill also shared her plans for the city with Wikinews readers."
    )
    assert direct(claims_of(body)) == [
        ("We founded it because the old system had been abandoned.", "Ana Brill"),
        (
            "I chose the name Team Zorin, Ana Brill, because it sounded bold and modern.",
            "Ana Brill",
        ),
        ("The minister said the plan was sound, but we were not convinced by it.", "Ana Brill"),
    ]


def test_bodies_named_for_plural_nouns_blogs_and_shops_are_no_people():
    body = (
        "He died at the Gen. Santos Doctors' Hospital on Sunday. Maria Kassab at the group "
        "blog Beirut Voices wrote about it. There is a Chemist Warehouse in every block. "
        "Thus Kavanagh Street stayed open."
    )
    assert people_of(body) == {"Maria Kassab"}


def test_told_an_outlet_then_a_comma_and_a_clause_reports_it():
    body = (
        "Lerato Dube, a spokeswoman for the police, told CNN, neighbours from other lodges "
        "tried to save him. "
        '"We are safe," Kovalchuk told the Kyiv Independent, standing near the ruins. '
        "He died in hospital, according to the Catholic Bishops' Conference of Ruritania."
    )
    assert reported(body) == [
        ("neighbours from other lodges tried to save him.", "Lerato Dube"),
        ("He died in hospital", "Catholic Bishops' Conference of Ruritania"),
    ]


def test_a_paragraph_that_is_only_a_name_and_a_colon_labels_the_post_below():
    body = (
        "Two users debated the translation of the title.\n\n"
        "Evgeny:\n\n"
        "Вчера узнал, что слово мир имеет значение сообщество.\n\n"
        "Yesterday I learned that the word carries the meaning of the world.\n\n"
        "Update:\n\n"
        "The ministry has since changed the rules on the matter."
    )
    assert direct(claims_of(body)) == [
        ("Вчера узнал, что слово мир имеет значение сообщество.", "Evgeny"),
        ("Yesterday I learned that the word carries the meaning of the world.", "Evgeny"),
    ]


def test_a_blog_named_in_lower_case_opening_its_sentence_speaks():
    body = (
        "The cardinal spoke at a conference in Boston.\n\n"
        'babalu called the comments "derisive" and "nothing less than reprehensible":\n\n'
        "This latest insult is only another example of his contempt for the faithful.\n\n"
        "paradise-apple wrote that the survey results were a surprise to nobody."
    )
    claims = claims_of(body)
    assert direct(claims) == [
        ("This latest insult is only another example of his contempt for the faithful.", "babalu")
    ]
    assert reported(body) == [("the survey results were a surprise to nobody.", "paradise-apple")]


def test_confessed_reports_what_was_confessed():
    body = "At the hearing, Marta Ruiz and Ivan Soto confessed that they had hidden the accounts."
    assert reported(body) == [("they had hidden the accounts.", "Marta Ruiz")]


def test_a_title_in_title_case_is_nobody_s_words():
    body = (
        'Senator Ana Reyes said the "Clean Water for Rural Families Act" would pass. '
        'The director Ivan Petrov called the novel "War and Peace" a masterpiece. '
        'Reyes said the plan was "a costly mistake for the state".'
    )
    assert speakers(claims_of(body), "partial_quote") == [
        ("Clean Water for Rural Families Act", None),
        ("War and Peace", None),
        ("a costly mistake for the state", "Ana Reyes"),
    ]


def test_a_named_and_described_person_before_a_quotation_says_it():
    body = (
        "Senator Jon Marsh welcomed the plant.\n\n"
        'Dana Holt, President and CEO of the Riverton Chamber of Commerce, "These are high '
        'paying jobs for our graduates." Holt went on to add, "We have waited years for it."\n\n'
        'The agency is trying to add the question, "Is this person a resident of the state?", '
        "to the form."
    )
    assert direct(claims_of(body)) == [
        ("These are high paying jobs for our graduates.", "Dana Holt"),
        ("We have waited years for it.", "Dana Holt"),
    ]


def test_a_speaker_quoting_their_own_thought_inside_their_quotation():
    body = (
        "Ola Berg said, \"It was a very hard race. I thought 'I am going to collapse "
        "before the line'.\"\n\n"
        "Coach Ana Lind said, \"The doctor told me 'the legs are gone for good'.\""
    )
    assert speakers(claims_of(body), "partial_quote") == [
        ("I am going to collapse before the line", "Ola Berg"),
        ("the legs are gone for good", "The doctor"),  # not the coach's
    ]


def test_citizen_media_and_plural_sources_with_a_place_after_them():
    body = (
        "Hazai Hang blog reported that the news agency had quoted a parody. "
        "Some scholars have suggested farmers raised the birds for the temples. "
        "Fishermen along the coast say the violence has pushed them further from shore."
    )
    assert reported(body) == [
        ("the news agency had quoted a parody.", "Hazai Hang"),
        ("farmers raised the birds for the temples.", "Some scholars"),
        ("the violence has pushed them further from shore.", "Fishermen along the coast"),
    ]


def test_a_source_set_inside_a_sentence_vouches_for_all_of_it():
    body = (
        "The militia is the main force in the north, largely Kurdish and, according to "
        "Ankara, supportive of the PKK. Preliminary findings suggest the sensor had failed. "
        "They suggest a walk in the park."
    )
    assert reported(body) == [
        (
            "The militia is the main force in the north, largely Kurdish and, according to "
            "Ankara, supportive of the PKK.",
            "Ankara",
        ),
        ("the sensor had failed.", "Preliminary findings"),
    ]


def test_an_abstract_noun_ends_a_title_s_complement():
    body = "Director of Public Prosecutions Mutembo Kalaba said the case would go ahead."
    assert reported(body) == [("the case would go ahead.", "Mutembo Kalaba")]


def test_an_opening_prepositional_phrase_is_no_subject():
    body = (
        "Outside the hearing room, the director of the Centre for Budget Studies (CBS), "
        "Professor Ama Boateng, told the Weekly Ledger that the plan relied on hopeful "
        "revenue forecasts."
    )
    assert reported(body) == [
        ("the plan relied on hopeful revenue forecasts.", "Ama Boateng"),
    ]


def test_a_place_after_a_place_is_no_speaker():
    body = (
        "A meeting of the party's standing committee held at its office in Baneshwor, "
        'Pokhara concluded that the decree "breaks the coalition deal".'
    )
    claims = claims_of(body)
    assert all(c.speaker_name != "Pokhara" for c in claims)
    assert speakers(claims, "partial_quote") == [("breaks the coalition deal", None)]


def test_a_kind_of_body_before_its_name_is_its_description():
    body = (
        "Banking watchdog FINCOR has sued Tasman Savings Bank, alleging the lender ignored "
        "thousands of suspicious transfers. An official campaign Twitter account said the "
        "rally was cancelled."
    )
    claims = reported_claims(body)
    assert (claims[0].claim_text, claims[0].speaker_name) == (
        "the lender ignored thousands of suspicious transfers.",
        "FINCOR",
    )
    assert all(c.speaker_name != "Twitter" for c in claims_of(body))


def test_an_office_without_a_name_is_no_person():
    body = (
        "A spokeswoman for the Assistant Treasurer said the government would not comment. "
        "The Deputy Comptroller declined to comment."
    )
    assert people_of(body) == set()
    [claim] = reported_claims(body)
    assert claim.claim_text == "the government would not comment."
    assert claim.speaker_type != "person"


def test_initials_of_a_body_named_in_full_are_that_body():
    body = (
        "The town is encircled by the paramilitary Eastern Defence Forces and allied "
        "militias.\n\n"
        'The EDF said it had "never blocked" aid. The group said it would let convoys pass.'
    )
    assert reported(body) == [
        ('it had "never blocked" aid.', "EDF"),
        ("it would let convoys pass.", "EDF"),
    ]


def test_a_member_of_the_knesset_is_titled_mk():
    body = (
        "Committee chair MK Dana Ofer (Likud) said the bill would pass. Meretz MK Avi Golan "
        'called Ofer "the minister\'s clerk."\n\n'
        '"We will not stop," Golan said.'
    )
    assert people_of(body) == {"Dana Ofer", "Avi Golan"}
    assert direct(claims_of(body)) == [("We will not stop", "Avi Golan")]


def test_a_newspaper_named_with_of_before_the_speaker_is_not_the_speaker():
    body = (
        "Opposition lawmaker Rina Tal spoke at length.\n\n"
        "Speaking to The Times of Jerusalem after the session, Tal said the opposition "
        "would delay the bill."
    )
    assert reported(body) == [("the opposition would delay the bill.", "Rina Tal")]


def test_a_compound_bank_is_a_body_and_the_bank():
    body = (
        "The Landesbank raised its rate on Tuesday.\n\n"
        "Two board members voted against the decision, the bank said."
    )
    [(_, speaker)] = reported(body)
    assert speaker == "Landesbank"


def test_people_familiar_with_a_meeting_then_a_named_speaker():
    body = (
        "Deputy governor Lars Wikman voted against.\n\n"
        "According to two people familiar with the meeting, Wikman argued that the fall "
        "would reverse on its own."
    )
    assert reported(body) == [("the fall would reverse on its own.", "Lars Wikman")]


def test_an_anonymous_source_described_at_length_is_not_the_body_named_in_it():
    body = (
        "A senior executive at another large Baltic bank, who asked not to be named, said "
        "the decision had been greeted with disbelief."
    )
    [claim] = reported_claims(body)
    assert claim.speaker_type is None
    assert claim.speaker_name == "A senior executive at another large Baltic bank"


def test_a_reported_clause_whose_verb_is_quoted():
    body = (
        'The Solicitor General\'s Office said in a statement that it "stands fully behind" '
        "the adviser's position."
    )
    assert [c for c, _ in reported(body)] == ['it "stands fully behind" the adviser\'s position.']


def test_a_corps_is_a_body():
    body = "The grant trains Reserve Officer Training Corps (ROTC) cadets every summer."
    assert people_of(body) == set()


def test_one_name_shown_by_an_apposition_is_a_person():
    body = (
        'Villagers were weary. "We voted once, and now we vote again," said Sutrisno, a '
        '61-year-old rice farmer. "The roads are still broken," Sutrisno added. Reacting, '
        "the chairman, a former judge, said nothing."
    )
    assert people_of(body) == {"Sutrisno"}
    assert direct(claims_of(body)) == [
        ("We voted once, and now we vote again", "Sutrisno"),
        ("The roads are still broken", "Sutrisno"),
    ]


def test_plural_present_and_clarifying_speech_verbs():
    body = (
        "Indigenous groups emphasize that their protest is about consultation. "
        "His staff clarified that the governor had not meant the gesture. "
        "Farm unions admit that yields fell sharply last year."
    )
    assert [c for c, _ in reported(body)] == [
        "their protest is about consultation.",
        "the governor had not meant the gesture.",
        "yields fell sharply last year.",
    ]


def test_a_subject_with_a_short_relative_clause_and_a_decision_that_speaks():
    body = (
        "The officials who ordered the closure claimed they were studying traffic. "
        "The appeals court decision stated the officials had acted for a political reason. "
        "The plan that the council approved said nothing about parking."
    )
    assert [c for c, _ in reported(body)] == [
        "they were studying traffic.",
        "the officials had acted for a political reason.",
    ]


def test_a_post_that_names_its_account_is_that_account_s():
    body = (
        "Many Twitter users argued about the candidates:\n\n"
        "@VladaMilic: Only four more hours until the polls close, vote for change today!\n\n"
        "Ana Petrovic tweeted:\n\n"
        "@anapetro: We queued for an hour at the school in Zemun this morning."
    )
    assert direct(claims_of(body)) == [
        (
            "@VladaMilic: Only four more hours until the polls close, vote for change today!",
            "@VladaMilic",
        ),
        ("@anapetro: We queued for an hour at the school in Zemun this morning.", "Ana Petrovic"),
    ]


def test_a_name_before_an_apposition_left_unclosed_speaks():
    body = (
        'Marta Ilves, Dean of Tartu Law School called it "a truly silly argument." '
        "In a statement read by Ms Ruud, Mr Kask said the verdict was fair."
    )
    assert speakers(claims_of(body), "partial_quote") == [("a truly silly argument", "Marta Ilves")]
    assert reported(body) == [("the verdict was fair.", "Kask")]


def test_an_office_ending_a_run_and_a_compound_adjective_are_no_names():
    body = (
        "The Teton County Commissioner said the road would reopen. Voters cheered the "
        "Trump-loving Dale Ruskin at the rally."
    )
    assert people_of(body) == {"Dale Ruskin"}


def test_a_given_name_then_an_event_word_is_a_person():
    body = (
        'Singer Doris Day died on Monday. "I have been through everything," Day said in '
        "2006. Bill Hammons, the party's nominee, said the court should grow. Crowds marked "
        "Memorial Day, and the Camp David Accords were recalled."
    )
    assert people_of(body) == {"Doris Day", "Bill Hammons"}
    assert direct(claims_of(body)) == [("I have been through everything", "Doris Day")]


def test_an_object_then_a_clause_of_purpose_and_a_claimed_deed_are_not_reports():
    body = (
        "Governor Ann Lee declared a state of emergency so she could begin building the levee. "
        "Hamid Azizi claimed responsibility for the attack, in revenge for what he described "
        "as a campaign against it. Mayor Ann Roe said the plan failed so she resigned."
    )
    assert [c for c, _ in reported(body)] == ["the plan failed so she resigned."]


def test_two_long_named_subjects_joined_by_and_report():
    body = (
        "U.S. Senator Pat Rourke and First District U.S. Congressman Jerry Maran today "
        "announced that the department has released $5.9 million to assist the town."
    )
    assert [c for c, _ in reported(body)] == [
        "the department has released $5.9 million to assist the town."
    ]


def test_an_attribution_set_inside_the_sentence_it_reports():
    body = (
        "Mayor Ann Lee spoke on Monday. The plan, she said, would cost the city millions. "
        "Because warmer water is more buoyant, says the study, it rises above cooler water. "
        'However, she added, "we will manage." It is not for the court to judge the motive, '
        "argued the city's lawyer, Tom Hale."
    )
    assert reported(body) == [
        ("The plan, she said, would cost the city millions.", "Ann Lee"),
        (
            "Because warmer water is more buoyant, says the study, it rises above cooler water.",
            "the study",
        ),
        ("It is not for the court to judge the motive", "Tom Hale"),
    ]


def test_verbs_that_report_only_a_that_clause():
    body = (
        "Donald Trump countered that Biden would have lost even more. The report states "
        "that almost 5 percent of the land has been bought. Counties and states in 2013 that "
        "created the fund were named. Mayor Ann Lee countered with a plan that leans on "
        "one-time money. Governor Tom Hale mentioned the agreement with the union."
    )
    assert reported(body) == [
        ("Biden would have lost even more.", "Donald Trump"),
        ("almost 5 percent of the land has been bought.", "The report"),
    ]


def test_a_name_between_the_verb_and_that_is_no_verb():
    body = (
        "Senator Tom Hale told The Associated Press on Monday that he was confident the "
        "House would find the votes. Lawyer Ann Lee, a member of the bar in Goma, explained "
        "to us that Articles 165 and 166 of the Penal Code mandate a punishment."
    )
    assert reported(body) == [
        ("he was confident the House would find the votes.", "Tom Hale"),
        ("Articles 165 and 166 of the Penal Code mandate a punishment.", "Ann Lee"),
    ]


def test_where_it_was_said_between_the_verb_and_a_clause_without_that():
    body = (
        "Local administrator Ann Lee said in an email she is very concerned about the act. "
        "Prime Minister Tom Hale said at a press conference yesterday morning the gun laws "
        "should be changed. Minister Eva Ruud said in an interview Ukrinform published this "
        "week. Mayor Bo Lind said in a video statement released on Monday."
    )
    assert reported(body) == [
        ("she is very concerned about the act.", "Ann Lee"),
        ("the gun laws should be changed.", "Tom Hale"),
    ]


def test_that_as_a_determiner_opens_no_report():
    body = (
        "Senator Tom Hale today announced that Mary Hayes of St.\n\nLouis will join his "
        "staff. Writer Ann Lee demanded from her readers the effort to reach that culture "
        "and that intelligence."
    )
    assert reported(body) == []


def test_speaking_to_an_outlet_then_an_apposition_names_the_speaker():
    body = (
        "Speaking to Agence France-Presse, the president of the Tunisian League for the "
        'Defence of Human Rights, Jamel Msallem, said, "We are for the freedom to dress." '
        "Two others may run, including Sen. Raymond Teague, D-Ore., whose spokesman, Chris "
        "Odom, said the senator was focused on his work."
    )
    assert direct(claims_of(body)) == [("We are for the freedom to dress.", "Jamel Msallem")]
    assert reported(body) == [("the senator was focused on his work.", "Chris Odom")]


def test_a_title_with_another_portfolio_is_someone_else():
    body = (
        "Civil Aviation Minister Hardeep Puri said 18 people died. The local health minister "
        'said, "The injured have been rushed to hospitals." The aviation minister said, '
        '"We will find the cause." North Carolina Gov. Ann Holcomb vetoed the bill. The '
        "Democratic governor said in her veto message that the measure would drain the budget."
    )
    assert direct(claims_of(body)) == [
        ("The injured have been rushed to hospitals.", "local health minister"),
        ("We will find the cause.", "Hardeep Puri"),
    ]
    assert ("the measure would drain the budget.", "Ann Holcomb") in reported(body)


def test_bodies_spoken_of_by_their_kind_report():
    body = (
        "Indigenous organizations emphasize that their protest is about their right to be "
        "consulted. The minister's entourage denies that any such commitment was made. The "
        "motion claims the declaration is unconstitutional."
    )
    assert [c for c, _ in reported(body)] == [
        "their protest is about their right to be consulted.",
        "any such commitment was made.",
        "the declaration is unconstitutional.",
    ]


def test_speech_verbs_with_an_object_report_nothing():
    body = (
        "Oslo Scholars Program emphasized excerpts of the Latin American speeches. Mayor Ann "
        "Lee and Tom Hale both acknowledged faults with the system. Governor Eva Ruud "
        "stressed the need to act. Minister Bo Lind emphasized that the plan would work."
    )
    assert reported(body) == [("the plan would work.", "Bo Lind")]


def test_places_peoples_and_phrases_are_no_people():
    body = (
        "The blue plaza will occupy Tirso de Molina Plaza on Sunday. Senator Ann Lee wants "
        "more food for Alaska Natives and Pacific Islanders. Professor Greg Barton, Chair "
        "In Global Islamic Politics at Deakin University, said the attack was planned."
    )
    assert people_of(body) == {"Ann Lee", "Greg Barton"}


def test_lead_ins_that_hand_a_block_quote_over():
    quote = "Far too many people are being kept in the dark about the land deals."
    for lead, speaker in (
        ("Alloush at the group blog Homos Libnani wrote:", "Alloush"),
        ("The protests continued, reports Kracktivist:", "Kracktivist"),
        (
            "The need for transparency is further emphasized by Megan MacInnes, Senior "
            "Land Campaigner at Global Witness:",
            "Megan MacInnes",
        ),
        ("According to researcher Gustavo Soto's post on the CEADESC blog:", "Gustavo Soto"),
    ):
        claims = claims_of(f"Farmers met on Monday.\n\n{lead}\n\n{quote}")
        assert direct(claims) == [(quote, speaker)], lead


def test_a_name_then_where_they_sit_speaks():
    body = (
        "Suman Haripriya of the Hajo assembly said the disease can be cured. "
        'Addressing the leaders, Swami Chakrapani proposed: "I request all the presidents '
        'to take cow urine." Lukashenko said Kyiv proposed Belarus enter into a '
        '"non-aggression pact" with Ukraine.'
    )
    claims = claims_of(body)
    assert reported(body)[0] == ("the disease can be cured.", "Suman Haripriya")
    assert direct(claims) == [
        ("I request all the presidents to take cow urine.", "Swami Chakrapani")
    ]
    assert speakers(claims, "partial_quote") == [("non-aggression pact", "Alexander Lukashenko")]


def test_a_blogger_and_where_they_write_set_off_by_one_comma():
    body = (
        "Censors moved fast.\n\nBlogger C. Custer, from ChinaGeeks writes:\n\n"
        "At the moment, Wang is back on the trending topics list twice."
    )
    assert direct(claims_of(body)) == [
        ("At the moment, Wang is back on the trending topics list twice.", "C. Custer")
    ]


def test_a_lead_author_and_a_model_report_findings():
    body = (
        "Planetary scientist Vlada Stamenkovic and colleagues built a model. Stamenkovic et "
        "al found oxygen levels throughout Mars would be high enough for microbes. Dr Ann "
        "Ruiz and colleagues found that the drug cut deaths. The new model indicated these "
        "traces of oxygen should be able to enter salty seeps."
    )
    assert reported(body) == [
        ("oxygen levels throughout Mars would be high enough for microbes.", "Vlada Stamenkovic"),
        ("the drug cut deaths.", "Ann Ruiz"),
        ("these traces of oxygen should be able to enter salty seeps.", "The new model"),
    ]


def test_estimates_and_projections_with_that_report():
    body = (
        "The Montana Food Bank Network projects that food donations could increase by 16 "
        "percent. A food bank based in Albuquerque, New Mexico, estimates that donations "
        "could triple. A Downing Street spokesman said the charge would be cut. The agency "
        "estimates of growth were revised."
    )
    assert reported(body) == [
        ("food donations could increase by 16 percent.", "Montana Food Bank Network"),
        ("donations could triple.", "A food bank based in Albuquerque, New Mexico"),
        ("the charge would be cut.", "Downing Street"),
    ]


def test_a_question_then_a_longer_attribution_and_an_ombudsman():
    body = (
        "Senator Ana Liza Ocampo-Reyes chaired the hearing.\n\n"
        '"Who paid, and for what?" Ocampo-Reyes asked Magbanua at the start of the hearing.\n\n'
        'Mayor Tom Hale continued, "I will raise it with the White House myself." The White '
        "House refers to the United States president's office.\n\nOmbudsman Celeste "
        "Dimaculangan said her office had opened an investigation."
    )
    claims = claims_of(body)
    assert direct(claims) == [
        ("Who paid, and for what?", "Ana Liza Ocampo-Reyes"),
        ("I will raise it with the White House myself.", "Tom Hale"),
    ]
    assert reported(body) == [("her office had opened an investigation.", "Celeste Dimaculangan")]


def test_people_named_by_what_they_do_and_plural_pronoun_clauses_report():
    body = (
        "The archaeologists say that this study is the first attempt to examine the idea. "
        "Prime Minister Kyriakos Mitsotakis underlined they keep channels to Turkey open. "
        "The broadcasters repeated, with a strange insistence, that the crowd was huge. "
        "Civilians reported killed: 55. The crowd shouted through repeated cries of: "
        '"Police, join us!"'
    )
    claims = claims_of(body)
    assert reported(body) == [
        ("this study is the first attempt to examine the idea.", "The archaeologists"),
        ("they keep channels to Turkey open.", "Kyriakos Mitsotakis"),
        ("the crowd was huge.", "The broadcasters"),
    ]
    assert direct(claims) == [("Police, join us!", None)]


def test_lead_ins_with_an_aside_before_the_verb():
    quote = "I see that in intervals, and I will not see my mom for a year."
    for lead, speaker in (
        ("Trini Like Salt, who lives in Boston, is aware of the distance:", "Trini Like Salt"),
        ("Outlish, meanwhile, finds the number of patients disturbing:", "Outlish"),
    ):
        claims = claims_of(f"Bloggers wrote about age.\n\n{lead}\n\n{quote}")
        assert direct(claims) == [(quote, speaker)], lead


def test_first_lady_is_an_office_and_urging_hands_a_quote_over():
    body = (
        "Former First Lady Michelle Obama gave the keynote address on the opening night, "
        'urging viewers, "we have got to vote like our lives depend on it." The mayor spoke '
        "on Monday, urging residents to stay home."
    )
    claims, mentions = extract_article("A headline", None, body)[:2]
    assert direct(claims) == [
        ("we have got to vote like our lives depend on it.", "Michelle Obama")
    ]
    assert {m.role for m in mentions if m.name == "Michelle Obama"} == {"Former First Lady"}
    assert reported(body) == []


def test_two_family_names_and_a_title_with_two_portfolios():
    body = (
        "Housing and Transport Minister Carmen Vella Ruiz defended the plan, insisting that "
        "the rules had been followed. Opposition MP Joseph Mifsud Bonnici disagreed.\n\n"
        '"The minister ignored every objection we filed," Mifsud Bonnici said.'
    )
    claims, mentions = extract_article("A headline", None, body)[:2]
    assert reported(body) == [("the rules had been followed.", "Carmen Vella Ruiz")]
    assert direct(claims) == [
        ("The minister ignored every objection we filed", "Joseph Mifsud Bonnici")
    ]
    assert {m.name for m in mentions if m.actor_type == "person"} == {
        "Carmen Vella Ruiz",
        "Joseph Mifsud Bonnici",
    }
    assert roles_of(body)["Carmen Vella Ruiz"] == "Housing and Transport Minister"


def test_excerpts_announced_before_dated_entries_and_elisions_are_the_authors():
    body = (
        "Activist Marta Kowalczyk spent a year in the detention centre. Last spring, she "
        "wrote three blog posts about it. Below are excerpts from these posts.\n\n"
        "March 3, 2014 :\n\n"
        "The cells were cold and the guards never answered our questions about the food.\n\n"
        "[...]\n\n"
        "Nobody told us when the hearings would be, so we waited for weeks without news."
    )
    claims = extract_article("Centre", None, body, block_quotes=frozenset({2, 3, 4}))[0]
    assert direct(claims) == [
        (
            "The cells were cold and the guards never answered our questions about the food.",
            "Marta Kowalczyk",
        ),
        (
            "Nobody told us when the hearings would be, so we waited for weeks without news.",
            "Marta Kowalczyk",
        ),
    ]


def test_a_headline_in_title_case_repeating_a_whole_quotation_is_its_speakers():
    body = (
        "The poet Ilse Brandt read at the festival on Sunday.\n\n"
        '"When the river speaks, the city listens," Brandt said.'
    )
    claims = claims_of(body, headline='Festival: "When the River Speaks, the City Listens"')
    assert [c.speaker_name for c in claims if c.location == "headline"] == ["Ilse Brandt"]
    titled = claims_of(body, headline='Festival screens "River Speaks"')
    assert [c.speaker_name for c in titled if c.location == "headline"] == [None]


def test_a_lead_in_opening_on_a_possessive_phrase_and_a_blogs_lead_in_is_no_translation():
    body = (
        "On her personal blog, lawyer Dana Osei, one of the defence team, shared her view of "
        "the verdict:\n\n"
        "The court has chosen convenience over the evidence that was put before it.\n\n"
        "Samir Haddad (@samirh) asked for calm:\n\n"
        "@samirh: Please stay home tonight and let the lawyers do their work #verdict\n\n"
        "@samirh: “We will appeal and we will win this case in the end #verdict”"
    )
    claims = extract_article("Verdict", None, body, block_quotes=frozenset({1, 3, 4}))[0]
    assert direct(claims) == [
        ("The court has chosen convenience over the evidence that was put before it.", "Dana Osei"),
        (
            "@samirh: Please stay home tonight and let the lawyers do their work #verdict",
            "Samir Haddad",
        ),
        ("@samirh: “We will appeal and we will win this case in the end #verdict”", "Samir Haddad"),
        ("We will appeal and we will win this case in the end #verdict", "Samir Haddad"),
    ]
    assert not [c for c in claims if c.claim_type == "assertion" and "@samirh:" in c.claim_text]


def test_a_document_read_before_or_after_its_quotation_is_its_issuers():
    body = (
        "The flood alert issued by the Northern Rivers Authority covers six towns. "
        '"Residents near the levee should move to higher ground tonight," read the alert.\n\n'
        "Mayor Tom Achebe, in a statement released to reporters on Friday, said the shelters "
        "were open.\n\n"
        "The statement read in part, “No family will be turned away from a shelter this week.”\n\n"
        "According to a 2019 study from the Coastal Research Council, the levee was too low."
    )
    claims = claims_of(body)
    assert direct(claims) == [
        (
            "Residents near the levee should move to higher ground tonight",
            "Northern Rivers Authority",
        ),
        ("No family will be turned away from a shelter this week.", "Tom Achebe"),
    ]
    assert reported(body) == [
        ("the shelters were open.", "Tom Achebe"),
        ("the levee was too low.", "Coastal Research Council"),
    ]


def test_a_titled_source_with_a_possessive_and_a_report_relayed_by_the_media():
    body = (
        "According to Millbrook's first selectman, Ann Kowalski, the road will reopen in May. "
        "The Boston Globe reported that state Treasurer Dan Ruiz said the fund was short."
    )
    claims = claims_of(body)
    assert speakers(claims, "reported_speech") == [
        ("the road will reopen in May.", "Ann Kowalski"),
        ("the fund was short.", "Dan Ruiz"),
    ]
    assert [c.source_name for c in claims if c.speaker_name == "Dan Ruiz"] == ["The Boston Globe"]


def test_long_titles_set_off_before_a_name_asides_before_the_verb_and_withheld_names():
    body = (
        "The Police Public Relations Officer of the Kwara State Police Command, SP Bola "
        "Adeyemi, said three suspects had been arrested.\n\n"
        "The PPRO added that the suspects would be charged on Monday.\n\n"
        "Responding, the Special Adviser to the Governor, Mr Musa Danladi, in a statement "
        "sent to journalists in Ilorin on Sunday, said the state would pay for the repairs.\n\n"
        "Alhaji Sani Bello, the market leader, said the traders had lost everything. A trader, "
        "who gave her name only as Kemi for fear of reprisals, said her stall was burnt.\n\n"
        "“We have nothing left to sell,” she said."
    )
    claims, mentions = extract_article("A headline", None, body)[:2]
    assert reported(body) == [
        ("three suspects had been arrested.", "Bola Adeyemi"),
        ("the suspects would be charged on Monday.", "Bola Adeyemi"),
        ("the state would pay for the repairs.", "Musa Danladi"),
        ("the traders had lost everything.", "Sani Bello"),
        ("her stall was burnt.", "Kemi"),
    ]
    assert direct(claims) == [("We have nothing left to sell", "Kemi")]
    roles = {m.name: m.role for m in mentions if m.role}
    assert roles["Bola Adeyemi"].startswith("Police Public Relations Officer")
    assert roles["Musa Danladi"] == "Special Adviser to the Governor"
    bodies = {m.name for m in mentions if m.actor_type == "organization"}
    assert "Kwara State Police Command" in bodies
    assert not [name for name in bodies if "Officer" in name]


def test_an_account_on_a_platform_is_not_the_platform():
    body = (
        "Earlier this week, an official government Twitter account made the following "
        'announcement: "Schools will stay closed until the outbreak is under control."'
    )
    assert direct(claims_of(body)) == [
        ("Schools will stay closed until the outbreak is under control.", None)
    ]


def test_accusations_report_the_charge_with_their_verb():
    body = (
        "The opposition Green Party accused the mayor of hiding the true cost of the stadium "
        "and said it would ask the auditor to investigate. Former councillor Dev Mistry was "
        "accused of fraud last year. Tenants have rejected the plan, accusing the landlord of "
        "“silent evictions”."
    )
    assert reported(body) == [
        ("accused the mayor of hiding the true cost of the stadium", "Green Party"),
        ("it would ask the auditor to investigate.", "Green Party"),
        ("accusing the landlord of “silent evictions”.", "Tenants"),
    ]


def test_answers_clauses_of_time_documents_released_and_lists_after_according_to():
    body = (
        "“Will you keep the archive open?” Senator Ruth Bell asked.\n\n"
        "“Senator, it has been open for thirty years and it will stay open,” Colm Hardy "
        "answered.\n\n"
        'Once, when Bell interrupted, Hardy said "Let me finish the answer, please."\n\n'
        "An audit report released last month found that four depots had been closed for "
        "weeks.\n\n"
        "Hardy spoke to the paper in May. According to him, the director has resigned; the "
        "board has set aside $2 million for repairs; the city's investigators have confirmed that "
        "the roof was leaking.\n\n"
        "The depots will reopen in March, a ministry official told reporters in a briefing, "
        "asking not to be named."
    )
    claims = claims_of(body)
    assert [speaker for _, speaker in direct(claims)] == ["Ruth Bell", "Colm Hardy", "Colm Hardy"]
    assert reported(body) == [
        ("four depots had been closed for weeks.", "An audit report"),
        (
            "the director has resigned; the board has set aside $2 million for repairs",
            "Colm Hardy",
        ),
        ("the roof was leaking.", "the city's investigators"),
        ("The depots will reopen in March", "a ministry official"),
    ]


def test_campuses_memorial_grants_and_a_signature_ending_its_sentence():
    body = (
        "Montana State University-Billings will receive $300,000 from the Edward Byrne "
        "Memorial Grant program.\n\n"
        "Speakers were quoted all day:\n\n"
        'There is no dignity in prison, only cleansing" - Ramiro Vidal. Such a powerful talk '
        "about the prisons."
    )
    claims, mentions = extract_article("Grants", None, body, block_quotes=frozenset({2}))[:2]
    assert not [m.name for m in mentions if m.actor_type == "person" and "Vidal" not in m.name]
    assert ("Montana State University-Billings", "organization") in {
        (m.name, m.actor_type) for m in mentions
    }
    assert [c.speaker_name for c in claims if c.claim_type == "direct_quote"] == ["Ramiro Vidal"]


def test_speech_verbs_in_the_progressive_report():
    body = (
        "Officials are saying that the bridge will reopen next week. Nurses have been warning "
        "that the ward cannot cope with the winter surge."
    )
    assert reported(body) == [
        ("the bridge will reopen next week.", "Officials"),
        ("the ward cannot cope with the winter surge.", "Nurses"),
    ]


def test_a_company_named_with_its_legal_form_is_a_company_without_it():
    body = (
        "The plan was put forward by Harbourline Estates Ltd, which owns the site. "
        "A spokesman for Harbourline Estates said the permit would be upheld."
    )
    claims, mentions = extract_article("A headline", None, body)[:2]
    assert {m.actor_type for m in mentions if m.name.startswith("Harbourline")} == {"organization"}
    assert [(c.speaker_name, c.speaker_type) for c in claims if c.speaker_name] == [
        ("Harbourline Estates", "organization")
    ]


def test_objects_of_announcing_verbs_are_no_reported_clauses():
    body = (
        "The two charities announced a variety of events as part of the festival week. "
        "The health ministry reported five new deaths due to the virus on Sunday. "
        "Governor Ann Lee declared a state of emergency and deployed the national guard. "
        "Lee said five workers lost their jobs."
    )
    assert reported(body) == [("five workers lost their jobs.", "Ann Lee")]


def test_a_document_owned_by_a_body_is_the_bodys_whatever_it_is_called():
    body = (
        "The music industry filed the request on Friday. RIAA's DMCA notice "
        'alleged the tool was built to "circumvent the protection measures of streaming '
        'services". A spokesperson for the District Attorney\u2019s Office said in a statement '
        "that the office takes every complaint seriously."
    )
    claims = claims_of(body)
    assert speakers(claims, "partial_quote") == [
        (
            "circumvent the protection measures of streaming services",
            "Recording Industry Association of America",
        )
    ]
    assert [who for _, who in reported(body)][-1] == "the District Attorney\u2019s Office"


def test_a_bulleted_paragraph_is_read_as_the_sentence_after_its_bullet():
    body = (
        "Spokesperson Trent Aldous said in a statement that the nominee is qualified.\n\n"
        '\u2022 "The President has delivered more relief, faster, than anyone," Aldous said.\n\n'
        "- Aldous told reporters the vote would come next week."
    )
    claims = claims_of(body)
    assert speakers(claims, "direct_quote") == [
        ("The President has delivered more relief, faster, than anyone", "Trent Aldous")
    ]
    assert reported(body)[-1] == ("the vote would come next week.", "Trent Aldous")


def test_someone_described_by_a_kind_is_new_not_the_last_of_that_kind():
    body = (
        "Sen. Trent Aldous said in a statement that the nominee is qualified.\n\n"
        '"She is saying what a lot of us are saying," one Republican senator told Axios.\n\n'
        '"We cannot wait any more," another senator said.\n\n'
        "The bill is going nowhere this year, two GOP aides said.\n\n"
        "A GOP spokesperson said the party would back the nominee."
    )
    claims = claims_of(body)
    assert [c.speaker_type for c in claims if c.claim_type == "direct_quote"] == [None, None]
    assert [c.speaker_name for c in claims if c.claim_type == "direct_quote"] == [
        "one Republican senator",
        "another senator",
    ]
    assert [(c.speaker_name, c.speaker_type) for c in claims if c.claim_type == "reported_speech"][
        1:
    ] == [("two GOP aides", None), ("Republican Party", "organization")]


def test_an_outlet_that_obtained_a_document_did_not_write_it():
    body = (
        "The company will cut 300 jobs, according to an internal memo seen by Reuters. "
        "The plan would cost $2 billion, according to emails obtained by The Washington Post."
    )
    assert reported(body) == [
        ("The company will cut 300 jobs", "an internal memo"),
        ("The plan would cost $2 billion", "emails"),
    ]


def test_a_rubric_opening_a_paragraph_is_not_part_of_its_sentence():
    body = (
        "Sen. Marla Dunford said the hold was needed.\n\n"
        "Driving the news: Dunford will notify the leader of the hold Monday, her office said.\n\n"
        'The statement reads: "We will not wait any longer for the money."'
    )
    assert reported(body)[1] == (
        "Dunford will notify the leader of the hold Monday",
        "Marla Dunford",
    )
    assert speakers(claims_of(body), "direct_quote") == [
        ("We will not wait any longer for the money.", None)
    ]


def test_a_speech_verb_inside_a_reported_clause_is_not_who_is_quoted():
    body = (
        'Asked about the talks, Lin Haoyu said China maintains "close and smooth '
        'communication" with the island countries. Mayor Ann Kowal characterised the deaths as '
        '"crushing" and wrote "May God protect their parents and loved ones."'
    )
    claims = claims_of(body)
    assert speakers(claims, "partial_quote") == [
        ("close and smooth communication", "Lin Haoyu"),
        ("crushing", "Ann Kowal"),
    ]
    assert speakers(claims, "direct_quote") == [
        ("May God protect their parents and loved ones.", "Ann Kowal")
    ]
    assert reported(body)[0][1] == "Lin Haoyu"


def test_the_agency_is_the_public_body_named_before_whatever_its_name_calls_it():
    body = (
        "The Texas Water Development Board did not send a witness. In a written statement, "
        "the agency said it does not take positions on pending legislation."
    )
    assert reported(body) == [
        ("it does not take positions on pending legislation.", "Texas Water Development Board")
    ]


def test_a_report_inside_a_reported_clause_is_part_of_it_after_an_adjective():
    body = (
        "Defense lawyer Sultanbek Zhusupov spoke after the hearing. He added that linguistic "
        "experts hired by the defense had concluded that the texts contained no incitement."
    )
    assert reported(body) == [
        (
            "linguistic experts hired by the defense had concluded that the texts contained "
            "no incitement.",
            "Sultanbek Zhusupov",
        )
    ]


def test_sources_in_the_plural_report_a_clause_without_that():
    body = (
        "In findings published on Wednesday, an international team of scientists report "
        "ancient Egyptians captured sacred ibises from the wild. The agency flagged it in "
        "its annual audit report, noting that payments were released early."
    )
    assert reported(body) == [
        ("ancient Egyptians captured sacred ibises from the wild.", "team of scientists"),
        ("payments were released early.", "The agency"),
    ]


def test_works_nationalities_and_contractions_are_not_people():
    body = (
        "Wikinews reached out to the members of the project, Pablo Greco and Rich Bowen.\n\n"
        "((Zara Kay)) The first book that I read was The Atheist Muslim by Ali Rizvi. I find "
        "Maajid Nawaz very balanced. Despite being a Muslim himself, he is welcoming.\n\n"
        "Their gambling shows that the Korean Buddhist community is corrupted, said Kim "
        "Min-jun. The prize went to Finn E. Kydland of Norway.\n\n"
        "((Rich Bowen)) I'm Rich Bowen and I'm the Community Manager for the project."
    )
    people = people_of(body)
    assert not {"Atheist Muslim", "Korean Buddhist", "I'm Rich Bowen"} & people
    assert {"Ali Rizvi", "Kim Min-jun", "Finn E. Kydland"} <= people


def test_a_semicolon_ends_the_attribution_of_the_clause_before_it():
    body = (
        "Researchers Tristan Smith and Doug Miller studied the data. Smith called the "
        'disappearance an "interesting" case; Miller said "It is a little hard to say what '
        'is going on".'
    )
    claims = claims_of(body)
    assert speakers(claims, "partial_quote") == [("interesting", "Tristan Smith")]
    assert speakers(claims, "direct_quote") == [
        ("It is a little hard to say what is going on", "Doug Miller")
    ]


def test_said_set_after_an_opening_adverbial_hands_over_to_its_speaker():
    body = (
        "Dorothy Dyton farms near the reserve. Since that time, said Dyton, "
        '"life has been very hard on us."'
    )
    assert speakers(claims_of(body), "direct_quote") == [
        ("life has been very hard on us.", "Dorothy Dyton")
    ]


def test_the_group_is_a_group_that_opened_a_sentence_since_the_last_body_spoke():
    body = (
        "Pacific Ridge Electric filed a report. The company said one of its circuits had "
        "failed.\n\nThe Montana Backcountry Alliance opposes the plan. The group said the land "
        "could become eligible for sale."
    )
    assert [who for _, who in reported(body)] == [
        "Pacific Ridge Electric",
        "Montana Backcountry Alliance",
    ]


def test_an_offices_initials_before_a_name_are_a_title():
    body = (
        "The county assembly met on Monday. Finance CEC Lucy Nyambura told the Star that "
        "the executive would retable the estimates. MCA Grace Wanjiku said the roads were "
        "never built."
    )
    assert [who for _, who in reported(body)] == ["Lucy Nyambura", "Grace Wanjiku"]


def test_a_central_asian_patronymic_is_part_of_the_name():
    body = (
        "Investigative journalist Eldiyar Toktosun uulu was detained in January. Toktosun "
        "uulu said he would appeal. His sister Aizada Toktosun kyzy said he was innocent."
    )
    assert people_of(body) == {"Eldiyar Toktosun uulu", "Aizada Toktosun kyzy"}
    assert [who for _, who in reported(body)] == ["Eldiyar Toktosun uulu", "Aizada Toktosun kyzy"]


def test_an_apposition_left_open_before_the_verb_describes_the_person_who_speaks():
    body = (
        "In the blog post Chris Wright, the Chief Technological Officer of Red Hat said the "
        "project would change. Mark Hay, a marine ecologist at Georgia Tech said the reef was "
        "dying. In a statement to Fox News Digital, a Corps spokesperson said the dam was safe."
    )
    assert [who for _, who in reported(body)][:2] == ["Chris Wright", "Mark Hay"]
    assert "Fox News Digital" not in [who for _, who in reported(body)]


def test_names_run_together_or_glued_to_a_possessive_are_cleaned():
    body = (
        "Senators voting no:\n\nChristopher Dodd\n\nByron Dorgan Richard Roe\n\n"
        "Mariam commented on one of Khaled Ali'sposters: it was simple."
    )
    people = people_of(body)
    assert {"Byron Dorgan", "Richard Roe", "Khaled Ali"} <= people
    assert not {"Byron Dorgan Richard Roe", "Khaled Ali'sposters"} & people


def test_geographic_features_are_places_not_people():
    body = (
        "Floods hit Greens Bayou and Hunting Bayou and the Florida Panhandle. Water from "
        "the Amu Darya and Syr Darya was diverted."
    )
    mentions = extract_article("A headline", None, body)[1]
    places = {m.name for m in mentions if m.actor_type == "place"}
    assert {
        "Greens Bayou",
        "Hunting Bayou",
        "Florida Panhandle",
        "Amu Darya",
        "Syr Darya",
    } <= places
    assert not people_of(body)


def test_a_subject_after_a_time_phrase_without_a_comma_is_still_the_subject():
    body = (
        "Greek Prime Minister Kyriakos Mitsotakis visited Washington. Later on Tuesday "
        "Mitsotakis met with the International Monetary Fund, then with President Trump, "
        "where he denounced the agreement again. On the maritime claims, he noted "
        '"it is important to point out that the agreement infringes upon our rights".'
    )
    assert [who for _, who in speakers(claims_of(body), "direct_quote")] == ["Kyriakos Mitsotakis"]


def test_a_quotation_that_finishes_a_relative_clause_is_partial():
    body = (
        "According to defense lawyer Sultanbek Zhusupov, the examination was carried out in "
        'two days by a specialist who, he claimed, "has no qualifications in linguistics '
        'whatsoever." Day wrote of "Miss Goody Two-Shoes and all that," she said in her '
        'autobiography, "so I am afraid it is going to shock some people."'
    )
    claims = claims_of(body)
    assert speakers(claims, "partial_quote")[0] == (
        "has no qualifications in linguistics whatsoever",
        "Sultanbek Zhusupov",
    )
    assert reported(body)[0][0].startswith("the examination was carried out")


def test_what_a_sentence_named_before_its_attribution_is_known_to_the_attribution():
    body = (
        "Sen. Marla Dunford (R-La.) placed a hold. Sen. Gary Whitlock said Prichard was "
        "evasive. Dunford is set to meet with officials Wednesday, a spokesperson for the "
        "senator said. Pacific Ridge Electric filed a report, and the company said one of its "
        "circuits had failed."
    )
    assert [who for _, who in reported(body)] == [
        "Gary Whitlock",
        "Marla Dunford",
        "Pacific Ridge Electric",
    ]


def test_a_lead_in_that_gives_someones_view_hands_over_to_them():
    body = (
        "Cyclists were detained by police on Sunday.\n\n"
        "For Kar (@Karkarkarrr) the police actions are negative:\n\n"
        "Such repression from the government is disgusting and unjust."
    )
    claims = extract_article("A headline", None, body, block_quotes=frozenset({2}))[0]
    assert [(c.claim_type, c.speaker_name) for c in claims] == [("direct_quote", "Kar")]
