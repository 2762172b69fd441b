using System.Text.Json;
using ContentHub.Server.Observability;

namespace ContentHub.Server.GraphQL;

/// <summary>The GraphQL error body for requests refused before execution: one error with a code and the request id.</summary>
public static class ErrorResponse
{
    public static async Task WriteAsync(HttpContext context, int status, string mediaType, string message, string code)
    {
        context.RequestServices.GetService<GraphQLTelemetry>()?.Refused(context, code);
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        var body = new { errors = new[] { new { message, extensions = new { code, requestId = context.TraceIdentifier } } } };
        await JsonSerializer.SerializeAsync(context.Response.Body, body);
    }
}
