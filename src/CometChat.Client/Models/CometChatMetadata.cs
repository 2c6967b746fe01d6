using System;
using System.Collections.Generic;
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
                throw new FormatException($"Metadata must be a JSON object such as {{\"department\":\"sales\"}}, not a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }
            return MetadataConverter.FromElement(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Metadata is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Compact JSON text of the object.</summary>
    public override string ToString() => JsonSerializer.Serialize(this, CometChatJson.Options);
}
