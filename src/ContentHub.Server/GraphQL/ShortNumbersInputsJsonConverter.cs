using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.SystemTextJson;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// GraphQL.NET's reader of <c>variables</c> and <c>extensions</c>, after refusing any number longer than
/// <see cref="MaxNumberLength"/> characters. GraphQL.NET reads a number that fits no <c>long</c> or <c>decimal</c> as a
/// <c>BigInteger</c>, copying its digits to the stack first: a megabyte of digits would cost seconds of parsing, or
/// overflow a small thread stack and end the process.
/// </summary>
public sealed class ShortNumbersInputsJsonConverter : JsonConverter<Inputs>
{
    /// <summary>Longer than any Int, Float or ID a client has reason to send (a double round-trips in at most 24 characters).</summary>
    public const int MaxNumberLength = 100;

    private static readonly InputsJsonConverter s_graphQLNet = new();

    public override Inputs Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        RefuseLongNumbers(reader);
        return s_graphQLNet.Read(ref reader, typeToConvert, options);
    }

    public override void Write(Utf8JsonWriter writer, Inputs value, JsonSerializerOptions options) =>
        s_graphQLNet.Write(writer, value, options);

    /// <summary>Reads ahead through the value on a copy of the reader: the caller's reader stays where it is.</summary>
    private static void RefuseLongNumbers(Utf8JsonReader ahead)
    {
        var depth = ahead.CurrentDepth;
        do
        {
            if (ahead.TokenType == JsonTokenType.Number)
            {
                var length = ahead.HasValueSequence ? ahead.ValueSequence.Length : ahead.ValueSpan.Length;
                if (length > MaxNumberLength)
                {
                    throw new JsonException($"A number in the variables or extensions is {length} characters long; at most {MaxNumberLength} are accepted.");
                }
            }
        }
        while (ahead.Read() && ahead.CurrentDepth > depth);
    }
}
