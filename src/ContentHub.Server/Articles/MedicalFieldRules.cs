using System.Text.RegularExpressions;
using ContentHub.Server.Content;

namespace ContentHub.Server.Articles;

/// <summary>Field rules of an article's medical review and citations.</summary>
public static partial class MedicalFieldRules
{
    public const int MaxCitations = 100;

    public static IEnumerable<FieldError> Review(Reviewer? reviewer, DateTime? reviewedAt, DateTime? nextReviewDue) =>
        (reviewer is null ? [] : FieldRules.RequiredText(reviewer.Name, "reviewer.name", FieldLengths.Title)
            .Concat(FieldRules.MaxLength(reviewer.Credentials, FieldLengths.ShortText, "reviewer.credentials")))
        .Concat(FieldRules.Check(!(nextReviewDue <= reviewedAt), "nextReviewDue", "nextReviewDue must be later than reviewedAt"));

    public static IEnumerable<FieldError> Citations(List<Citation> citations) =>
        FieldRules.Check(citations.Count <= MaxCitations, "citations", $"an article may cite at most {MaxCitations} sources")
            .Concat(citations.SelectMany((citation, index) => Citation(citation, $"citations[{index}]")));

    private static IEnumerable<FieldError> Citation(Citation citation, string field) =>
        FieldRules.RequiredText(citation.Title, $"{field}.title", FieldLengths.Title)
            .Concat(FieldRules.Required(citation.Url, $"{field}.url"))
            .Concat(FieldRules.HttpUrl(citation.Url, $"{field}.url"))
            .Concat(FieldRules.Check(citation.Doi is null || (citation.Doi.Length <= FieldLengths.Label && DoiPattern().IsMatch(citation.Doi)),
                $"{field}.doi", $"{field}.doi must look like '10.1056/NEJMoa2033700': 10., a registrant code, a slash and a suffix"))
            .Concat(FieldRules.Check(citation.PubMedId is null || PubMedIdPattern().IsMatch(citation.PubMedId),
                $"{field}.pubMedId", $"{field}.pubMedId must be the PubMed id's digits, e.g. '33567185'"));

    [GeneratedRegex(@"^10\.\d{4,9}/\S+$")]
    private static partial Regex DoiPattern();

    [GeneratedRegex("^[1-9][0-9]{0,9}$")]
    private static partial Regex PubMedIdPattern();
}
