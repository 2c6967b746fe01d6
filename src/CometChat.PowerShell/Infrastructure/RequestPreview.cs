using System.Text;
using System.Text.Json.Nodes;
using CometChat.Client;
using CometChat.Client.Json;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Describes the request a command would send, for -WhatIf and -Confirm: method, path and body, with the values of
/// <c>metadata["@private"]</c> (where CometChat's notification extensions keep e-mail addresses and phone numbers)
/// replaced by <c>***</c>.
/// </summary>
internal static class RequestPreview
{
    public static string Describe(string method, string path, object? body)
    {
        var text = new StringBuilder(method).Append(" /v3").Append(path);
        if (body is not null)
        {
            text.Append(' ').Append(RedactedJson(body));
        }
        return text.ToString();
    }

    private static string RedactedJson(object body)
    {
        var node = JsonNode.Parse(CometChatJson.Serialize(body));
        if (node?["metadata"] is JsonObject metadata && metadata.ContainsKey("@private"))
        {
            metadata["@private"] = "***";
        }
        return node?.ToJsonString(CometChatJson.Options) ?? "{}";
    }
}
