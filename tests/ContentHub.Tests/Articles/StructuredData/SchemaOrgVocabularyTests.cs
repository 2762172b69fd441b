using System.Text.Json.Nodes;

namespace ContentHub.Tests.Articles.StructuredData;

/// <summary>The vocabulary check the structured-data tests rely on finds what schema.org does not allow.</summary>
public sealed class SchemaOrgVocabularyTests
{
    private static readonly SchemaOrgVocabulary s_vocabulary = SchemaOrgVocabulary.Load();

    [Fact]
    public void Should_accept_a_valid_medical_web_page()
    {
        var page = Parse("""
            {"@context":"https://schema.org","@type":"MedicalWebPage","headline":"Sciatica","datePublished":"2026-01-02T03:04:05Z",
             "lastReviewed":"2026-01-02","reviewedBy":{"@type":"Person","name":"Dr. A","honorificSuffix":"MD"},
             "citation":[{"@type":"CreativeWork","name":"Paper","url":"https://example.org/p","sameAs":["https://doi.org/10.1/x"]}]}
            """);

        Assert.Empty(s_vocabulary.Problems(page));
    }

    [Theory]
    [InlineData("""{"@context":"https://schema.org","@type":"Article","headline":"A","reviewedBy":{"@type":"Person","name":"B"}}""", "$.reviewedBy: not a property of schema:Article or its ancestors")]
    [InlineData("""{"@context":"https://schema.org","@type":"MedicalWebPage","lastReviewed":"2026-01-02T00:00:00Z"}""", "$.lastReviewed: '2026-01-02T00:00:00Z' is not a schema:Date")]
    [InlineData("""{"@context":"https://schema.org","@type":"MedicalWebPage","datePublished":"02/01/2026"}""", "$.datePublished: '02/01/2026' is not a schema:Date or schema:DateTime")]
    [InlineData("""{"@context":"https://schema.org","@type":"MedicalWebPage","url":"/articles/a"}""", "$.url: '/articles/a' is not a schema:URL")]
    [InlineData("""{"@context":"https://schema.org","@type":"MedicalWebPage","author":"Jane"}""", "$.author: 'Jane' is not a schema:Organization or schema:Person")]
    [InlineData("""{"@context":"https://schema.org","@type":"MedicalWebPage","author":{"@type":"CreativeWork","name":"x"}}""", "$.author: a schema:CreativeWork where schema:Organization or schema:Person is expected")]
    [InlineData("""{"@context":"https://schema.org","@type":"MedicalPage","headline":"A"}""", "$: @type 'MedicalPage' is not a schema.org class")]
    [InlineData("""{"@context":"https://schema.org","@type":"WebPage","reviewer":"A"}""", "$.reviewer: not a schema.org property")]
    [InlineData("""{"@context":"http://schema.org/","@type":"WebPage"}""", "$: @context must be https://schema.org")]
    public void Should_name_what_schema_org_does_not_allow(string json, string problem)
    {
        Assert.Equal([problem], s_vocabulary.Problems(Parse(json)));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
