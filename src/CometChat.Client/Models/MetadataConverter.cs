using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CometChat.Client.Models;

/// <summary>
/// Reads a JSON object into plain .NET values (dictionaries, arrays, strings, numbers, booleans) rather than
/// JsonElement, so the values are usable from PowerShell; writes any dictionary/list/scalar tree back.
/// </summary>
public sealed class MetadataConverter : JsonConverter<CometChatMetadata>
{
    /// <inheritdoc />
    public override CometChatMetadata Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            // The live service wraps non-object metadata as {"rawMetadata": "..."}; keep such a value readable.
            var wrapped = new CometChatMetadata { ["rawMetadata"] = document.RootElement.GetRawText() };
            return wrapped;
        }
        return FromElement(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CometChatMetadata value, JsonSerializerOptions options)
        => WriteValue(writer, value, options);

    internal static CometChatMetadata FromElement(JsonElement element)
    {
        var result = new CometChatMetadata();
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = ToValue(property.Value);
        }
        return result;
    }

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FromElement(element),
        JsonValueKind.Array => ToArray(element),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static object?[] ToArray(JsonElement element)
    {
        var items = new List<object?>();
        foreach (var item in element.EnumerateArray())
        {
            items.Add(ToValue(item));
        }
        return items.ToArray();
    }

    /// <summary>Writes a value tree built from dictionaries, lists and scalars.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value, options);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    WriteValue(writer, item, options);
                }
                writer.WriteEndArray();
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), options);
                break;
        }
    }
}
