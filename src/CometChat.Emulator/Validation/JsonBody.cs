using System.Text;
using Microsoft.Net.Http.Headers;

namespace CometChat.Emulator.Validation;

/// <summary>
/// A request body parsed as a JSON object, with typed accessors that record wrong types as validation
/// errors (Laravel-style messages) instead of throwing.
/// </summary>
public sealed class JsonBody
{
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        // Ambiguous input is rejected rather than guessed at (last-wins or first-wins).
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    private JsonBody(JsonElement root) => Root = root;

    /// <summary>Wraps a nested object (e.g. one user of an import) for the same typed access.</summary>
    public static JsonBody FromElement(JsonElement element) => new(element);

    /// <summary>The body's top-level object.</summary>
    public JsonElement Root { get; }

    /// <summary>Type errors seen so far; validators add their own rules.</summary>
    public ValidationErrors Errors { get; } = new();

    /// <summary>
    /// Parses a body; an empty body is an empty object. When it can't be read, <paramref name="problem"/> says why,
    /// for the caller's 400 ERR_BAD_REQUEST.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> bytes, string? contentType, out JsonBody body, out string? problem)
    {
        body = new JsonBody(default);
        problem = null;
        if (IsBlank(bytes.Span))
        {
            body = new JsonBody(JsonDocument.Parse("{}").RootElement);
            return true;
        }
        if (!string.IsNullOrEmpty(contentType) && !IsJson(contentType))
        {
            problem = $"The request body must be JSON (Content-Type: application/json), not '{contentType}'.";
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(bytes, ParseOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "The request body must be a JSON object.";
                return false;
            }
            if (!IsValidText(document.RootElement))
            {
                problem = "The request body contains a string that is not valid UTF-16 text (a lone surrogate).";
                return false;
            }
            body = new JsonBody(document.RootElement.Clone());
            return true;
        }
        catch (JsonException e)
        {
            problem = "The request body is not valid JSON: " + e.Message;
            return false;
        }
        catch (InvalidOperationException e)
        {
            // Thrown while checking for duplicate property names that contain lone surrogates.
            problem = "The request body is not valid JSON: " + e.Message;
            return false;
        }
    }

    /// <summary>
    /// True when every string and property name decodes; lone surrogates ("\ud800") are valid JSON but not text,
    /// and would otherwise throw deep inside validation or serialization.
    /// </summary>
    private static bool IsValidText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(IsValidText);
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!IsValidText(property.Value))
                        {
                            return false;
                        }
                    }
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>True when the field is present and not null.</summary>
    public bool Has(string name) => Root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>The raw element of a present, non-null field.</summary>
    public bool TryGet(string name, out JsonElement value) =>
        Root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A string field; null when absent or null; records an error for other types.</summary>
    public string? String(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }
        return ReadString(v, name, Errors);
    }

    /// <summary>A boolean field; null when absent.</summary>
    public bool? Bool(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }
        Errors.Add(name, $"The {name} field must be true or false.");
        return null;
    }

    /// <summary>An array of strings; null when absent; each wrong item is reported as <c>name.N</c>.</summary>
    public List<string>? StringArray(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(name, $"The {name} must be an array.");
            return null;
        }
        var list = new List<string>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            var s = item.ValueKind == JsonValueKind.Null ? null : ReadString(item, $"{name}.{i}", Errors);
            if (item.ValueKind == JsonValueKind.Null)
            {
                Errors.Add($"{name}.{i}", $"The {name}.{i} field is required.");
            }
            list.Add(s ?? "");
            i++;
        }
        return list;
    }

    /// <summary>An object field; null when absent; records an error for other types.</summary>
    public JsonElement? Object(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            Errors.Add(name, $"The {name} must be an object.");
            return null;
        }
        return v;
    }

    /// <summary>
    /// An object field that may also come as a string holding a JSON object, as clients that type metadata as a
    /// string send it; that string is read as the object. Null when absent; any other value is an error.
    /// </summary>
    public JsonElement? ObjectOrObjectText(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Object)
        {
            return v;
        }
        if (v.ValueKind == JsonValueKind.String && ParseObjectText(v.GetString()!) is { } parsed)
        {
            return parsed;
        }
        Errors.Add(name, $"The {name} must be a JSON object, or a string holding one.");
        return null;
    }

    /// <summary>The object a string holds, under the body's own parsing rules; null when it holds anything else.</summary>
    private static JsonElement? ParseObjectText(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, ParseOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object && IsValidText(document.RootElement)
                ? document.RootElement.Clone()
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Number of Unicode code points, the unit of the contract's length limits.</summary>
    public static int Length(string s)
    {
        var n = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            n++;
        }
        return n;
    }

    /// <summary>Compact UTF-8 serialization, the unit of the metadata size limit.</summary>
    public static string Compact(JsonElement value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            value.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? ReadString(JsonElement v, string name, ValidationErrors errors)
    {
        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add(name, $"The {name} must be a string.");
            return null;
        }
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            // Lone surrogates (e.g. "\ud800") are valid JSON but not valid text.
            errors.Add(name, $"The {name} must be a valid UTF-8 string.");
            return null;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsJson(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }
        var type = media.MediaType.Value ?? "";
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
