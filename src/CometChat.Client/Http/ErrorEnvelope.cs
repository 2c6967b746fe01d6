using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CometChat.Client.Errors;

namespace CometChat.Client.Http;

/// <summary>Turns CometChat's <c>{"error": {...}}</c> envelope into a <see cref="CometChatApiException"/>.</summary>
internal static class ErrorEnvelope
{
    public static CometChatApiException ToException(ApiExchange exchange, string apiKey, DateTimeOffset now)
    {
        string? code = null, message = null, devMessage = null;
        Dictionary<string, IReadOnlyList<string>>? details = null;
        try
        {
            using var document = JsonDocument.Parse(exchange.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                code = ReadString(error, "code");
                message = ReadString(error, "message");
                devMessage = ReadString(error, "devMessage");
                details = ReadDetails(error, apiKey);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): fall back to the status below.
        }

        code ??= $"ERR_HTTP_{exchange.StatusCode}";
        message ??= DescribeStatus(exchange, apiKey);
        return new CometChatApiException(exchange.StatusCode, code, Redact(message, apiKey), devMessage is null ? null : Redact(devMessage, apiKey),
            details, exchange.ThrottleWait(now));
    }

    /// <summary>
    /// The key must never reach output or logs, not even in part. CometChat quotes a rejected key with its middle
    /// masked (its first and last five characters around stars), so that form goes too, and a proxy may echo it whole.
    /// </summary>
    internal static string Redact(string text, string apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return text;
        }
        text = text.Replace(apiKey, "***");
        if (apiKey.Length <= 10)
        {
            return text;
        }
        var masked = Regex.Escape(apiKey.Substring(0, 5)) + @"\*+" + Regex.Escape(apiKey.Substring(apiKey.Length - 5));
        return Regex.Replace(text, masked, "***");
    }

    private static string DescribeStatus(ApiExchange exchange, string apiKey)
        => $"CometChat answered HTTP {exchange.StatusCode} without an error description. {(exchange.Body.Length == 0 ? string.Empty : Quote(exchange.Body, apiKey))}".Trim();

    /// <summary>
    /// The start of a body as quoted text for a message, with the key scrubbed. A proxy's page can echo the
    /// request's headers, key included; the scrub runs on the whole text before it is cut, so that a key straddling
    /// the cut can't leave its first characters behind.
    /// </summary>
    internal static string Quote(byte[] body, string apiKey)
    {
        const int Shown = 200;
        if (body.Length == 0)
        {
            return "(empty)";
        }
        var text = Redact(Encoding.UTF8.GetString(body), apiKey);
        var start = text.Length > Shown ? text.Substring(0, Shown) : text;
        return "'" + new string(start.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) + (text.Length > Shown ? "…'" : "'");
    }

    private static string? ReadString(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, IReadOnlyList<string>>? ReadDetails(JsonElement error, string apiKey)
    {
        if (!error.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in details.EnumerateObject())
        {
            var messages = new List<string>();
            if (field.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in field.Value.EnumerateArray())
                {
                    messages.Add(Redact(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText(), apiKey));
                }
            }
            else
            {
                messages.Add(Redact(field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText(), apiKey));
            }
            result[field.Name] = messages;
        }
        return result;
    }
}
