using System.Text.Json;
using System.Text.Json.Serialization;
using CometChat.Client.Json;

namespace CometChat.Client.Models;

/// <summary>
/// A user's or role's metadata: a JSON object held as a dictionary, so PowerShell can read
/// <c>$user.Metadata.department</c>. Nested objects are <see cref="CometChatMetadata"/> too, arrays are
/// <c>object[]</c>. <see cref="ToString"/> gives compact JSON, which is what Export-Csv writes into a cell,
/// and what Import-Csv hands back to <c>-Metadata</c>.
/// </summary>
[JsonConverter(typeof(MetadataConverter))]
public sealed class CometChatMetadata : Dictionary<string, object?>
{
    /// <summary>Creates empty metadata.</summary>
    public CometChatMetadata() : base(StringComparer.Ordinal) { }

    /// <summary>Parses a JSON object text. Throws <see cref="FormatException"/> when the text is not a JSON object.</summary>
    public static CometChatMetadata Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Metadata {Quote(json)} is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; expected a JSON object such as {{\"department\":\"sales\"}}.");
            }
            return MetadataConverter.FromElement(document.RootElement);
        }
        catch (JsonException ex)
        {
            // The parser's own text ("'S' is an invalid start of a value. LineNumber: 0...") says nothing to an admin.
            var position = ex.BytePositionInLine is { } at ? $" (invalid at character {at + 1})" : string.Empty;
            throw new FormatException($"Metadata {Quote(json)} is not JSON{position}; expected a JSON object such as {{\"department\":\"sales\"}} (in a CSV cell), a hashtable or an object.", ex);
        }
    }

    /// <summary>The value as quoted in an error: at most 60 characters, so a huge cell can't flood the message.</summary>
    private static string Quote(string text) => "'" + (text.Length <= 60 ? text : text.Substring(0, 57) + "...") + "'";

    /// <summary>Compact JSON text of the object.</summary>
    public override string ToString() => JsonSerializer.Serialize(this, CometChatJson.Options);
}
