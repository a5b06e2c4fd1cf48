using Haarlem.Initiatives.Grains.PlainLanguage;

namespace Haarlem.Initiatives.Grains.Tests.PlainLanguage;

public sealed class PlainLanguageCheckerTests
{
    [Theory]
    [InlineData("We planten samen bomen in de straat.")]
    [InlineData("De wethouder beslist op 12 mei over uw plan.")]
    [InlineData("Uw contactpersoon is Sanne de Vries. U kunt haar bellen op 023 511 5115.")]
    [InlineData("We hebben met u gepraat over de speeltuin. De volgende stap is het plan uitwerken.")]
    [InlineData("De gemeente betaalt de helft van de kosten.")]
    [InlineData("Heeft u een vraag? Stuur ons een bericht.")]
    [InlineData("Het buurtfeest is op zaterdag 6 juni op het plein.")]
    [InlineData("We kijken eerst of er genoeg ruimte is voor een moestuin.")]
    [InlineData("De kinderen worden groot en willen buiten spelen.")]
    [InlineData("Dit wordt een mooi feest voor de hele buurt.")]
    [InlineData("Wij bellen u binnen vijf werkdagen.")]
    [InlineData("Het plan is goed. U mag beginnen.")]
    public void Plain_sentences_pass_without_hints(string text)
    {
        var report = PlainLanguageChecker.Check(text);

        report.Hints.Should().BeEmpty();
        report.IsPlain.Should().BeTrue();
        report.Score.Should().Be(100);
    }

    [Theory]
    [InlineData("Indien u vragen heeft, kunt u contact opnemen.", "indien", "als")]
    [InlineData("Wij hebben uw aanvraag conform de regels behandeld.", "conform", "volgens")]
    [InlineData("U ontvangt thans een brief van ons.", "thans", "nu")]
    [InlineData("Derhalve kunnen wij u geen subsidie geven.", "derhalve", "daarom")]
    [InlineData("Wij hebben reeds met de woningcorporatie gesproken.", "reeds", "al")]
    [InlineData("Gaarne ontvangen wij uw tekening.", "gaarne", "graag")]
    [InlineData("Middels deze brief laten wij u weten wat er gebeurt.", "middels", "met, door")]
    [InlineData("Wij trachten het plan voor de zomer klaar te hebben.", "trachten", "proberen")]
    [InlineData("U kunt uw reactie kenbaar maken via de website.", "kenbaar maken", "laten weten")]
    [InlineData("Met betrekking tot uw vraag over het bankje: het komt er.", "met betrekking tot", "over")]
    [InlineData("Wij zullen zorg dragen voor de afvalbakken.", "zorg dragen voor", "zorgen voor")]
    [InlineData("Het plan ligt hier ter inzage, alsmede de tekening.", "alsmede", "en, ook")]
    public void Ambtelijke_words_get_a_plainer_alternative(string text, string phrase, string alternative)
    {
        var hints = PlainLanguageChecker.Check(text).Hints;

        hints.Should().ContainSingle(h => h.Kind == PlainLanguageHintKind.Officialese)
            .Which.Should().Be(new PlainLanguageHint(PlainLanguageHintKind.Officialese,
                $"Schrijf liever '{alternative}' dan '{phrase}'.", text.Substring(text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase), phrase.Length), alternative));
    }

    [Fact]
    public void A_word_is_only_officialese_as_a_whole_word() =>
        PlainLanguageChecker.Check("De doch­ter van de buurvrouw helpt mee. Het dochterbedrijf ook.").Hints
            .Should().NotContain(h => h.Kind == PlainLanguageHintKind.Officialese);

    [Fact]
    public void A_sentence_of_more_than_20_words_gets_a_hint_with_its_length()
    {
        const string text = "Wij hebben uw plan voor een speeltuin op het plein aan de Leidsevaart met veel plezier gelezen en we willen graag met u en de buren in gesprek gaan.";

        var report = PlainLanguageChecker.Check(text);

        report.Hints.Should().ContainSingle().Which.Should().Be(new PlainLanguageHint(PlainLanguageHintKind.LongSentence,
            "Deze zin heeft 29 woorden. Maak er twee of meer zinnen van, met hoogstens 20 woorden per zin.",
            "Wij hebben uw plan voor een speeltuin op het plein aan de Leidsevaart met vee...", null));
        report.Score.Should().Be(90);
        report.Words.Should().Be(29);
    }

    [Fact]
    public void A_sentence_of_exactly_20_words_is_fine() =>
        PlainLanguageChecker.Check("Een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig.")
            .Hints.Should().BeEmpty();

    [Theory]
    [InlineData("Wij nemen de verantwoordelijkheid voor het onderhoud.", "verantwoordelijkheid")]
    [InlineData("De omgevingsvergunningaanvraag is binnen.", "omgevingsvergunningaanvraag")]
    public void A_word_of_more_than_15_letters_gets_a_hint(string text, string word) =>
        PlainLanguageChecker.Check(text).Hints.Should().Equal(new PlainLanguageHint(PlainLanguageHintKind.LongWord,
            $"Het woord '{word}' is lang. Kan het korter, of met meer woorden?", word, null));

    [Theory]
    [InlineData("Er wordt besloten door het college.", "wordt besloten")]
    [InlineData("Het bankje wordt volgende week geplaatst.", "wordt volgende week geplaatst")]
    [InlineData("Uw aanvraag werd op 3 maart afgewezen.", "werd op 3 maart afgewezen")]
    [InlineData("De bewoners worden uitgenodigd voor een avond.", "worden uitgenodigd")]
    [InlineData("De tegels werden vorig jaar vervangen.", "werden vorig jaar vervangen")]
    public void A_passive_sentence_gets_a_hint_to_say_who_does_it(string text, string excerpt) =>
        PlainLanguageChecker.Check(text).Hints.Should().Equal(new PlainLanguageHint(PlainLanguageHintKind.Passive,
            "Deze zin zegt niet wie het doet. Schrijf bijvoorbeeld 'De gemeente beslist' in plaats van 'Er wordt besloten'.", excerpt, null));

    [Fact]
    public void A_typical_official_letter_gets_every_kind_of_hint_and_a_lower_score()
    {
        const string text = "Naar aanleiding van uw verzoek delen wij u mede dat uw aanvraag in behandeling is genomen. " +
                            "Indien de beoordeling conform de vigerende beleidsregels positief uitvalt, wordt de subsidie middels een beschikking verstrekt aan de belanghebbende, " +
                            "met inachtneming van de voorwaarden die ten aanzien van de verantwoordelijkheidsverdeling gelden.";

        var report = PlainLanguageChecker.Check(text);

        report.Hints.Select(h => h.Kind).Distinct().Should().BeEquivalentTo(
            [PlainLanguageHintKind.LongSentence, PlainLanguageHintKind.LongWord, PlainLanguageHintKind.Officialese, PlainLanguageHintKind.Passive]);
        report.Hints.Where(h => h.Kind == PlainLanguageHintKind.Officialese).Select(h => h.Suggestion)
            .Should().BeEquivalentTo(["na, door", "als", "volgens", "geldend", "met, door", "u, de betrokkene", "rekening houdend met", "over"]);
        report.Sentences.Should().Be(2);
        report.Score.Should().Be(40); // 100 - 10 (long sentence) - 5 (long word) - 8 × 5 (officialese) - 5 (passive)
        report.IsPlain.Should().BeFalse();
    }

    [Fact]
    public void The_word_list_has_at_least_100_entries_each_with_an_alternative() =>
        Officialese.Alternatives.Should().HaveCountGreaterThanOrEqualTo(100).And.OnlyContain(p => p.Key == p.Key.ToLowerInvariant() && p.Value.Length > 0);

    [Fact]
    public void An_empty_text_has_no_sentences_and_no_hints() =>
        PlainLanguageChecker.Check("   ").Should().BeEquivalentTo(new PlainLanguageReport(100, [], 0, 0));
}
