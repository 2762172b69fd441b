using System.Text.RegularExpressions;
using ContentHub.Server.Content;
using ContentHub.Server.Editing;

namespace ContentHub.Server.Articles;

/// <summary>Field rules of an article's medical review and citations.</summary>
public static partial class MedicalFieldRules
{
    public const int MaxCitations = 100;

    /// <summary>The review fields an input gave: only an approval sets them (approveArticle), so that none can be typed.</summary>
    public static IEnumerable<FieldError> SetByApproval(Reviewer? reviewer, DateTime? reviewedAt, DateTime? nextReviewDue) =>
        new (string Field, bool Given)[] { ("reviewer", reviewer is not null), ("reviewedAt", reviewedAt is not null), ("nextReviewDue", nextReviewDue is not null) }
            .Where(field => field.Given)
            .Select(field => new FieldError(field.Field, EditingErrorCodes.SetByApproval,
                $"{field.Field} is set by a medical reviewer's approval (approveArticle), not typed: leave it out."));

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
