using System.Text;
using System.Text.Json.Nodes;
using CometChat.Client.Json;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Describes a prepared request for -WhatIf and -Confirm: method, path (secrets masked) and the body as it will be
/// sent, with the values of <c>metadata["@private"]</c> (where CometChat's notification extensions keep e-mail
/// addresses and phone numbers) replaced by <c>***</c>.
/// </summary>
internal static class RequestPreview
{
    public static string Describe(PreparedRequest request)
    {
        var text = new StringBuilder(request.Method).Append(" /v3").Append(request.DisplayPath);
        if (request.Body is { } body)
        {
            text.Append(' ').Append(RedactedJson(body));
        }
        return text.ToString();
    }

    private static string RedactedJson(byte[] body)
    {
        var node = JsonNode.Parse(body);
        if (node?["metadata"] is JsonObject metadata && metadata.ContainsKey("@private"))
        {
            metadata["@private"] = "***";
        }
        return node?.ToJsonString(CometChatJson.Options) ?? "{}";
    }
}
