using System.Text.Json;
using CometChat.Client.Json;
using CometChat.Client.Models;

namespace CometChat.Client.Requests;

/// <summary>How the answers of CometChat read: <c>{"data": …}</c> for one thing, plus <c>meta.pagination</c> for a list.</summary>
internal static class Answers
{
    /// <summary>The <c>data</c> field as a <typeparamref name="T"/>.</summary>
    public static T Data<T>(JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
        {
            throw new JsonException("it has no data field");
        }
        return data.Deserialize<T>(CometChatJson.Options) ?? throw new JsonException("its data field is empty");
    }

    /// <summary>The <c>data</c> list and its paging.</summary>
    public static CometChatPage<T> Page<T>(JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("its data field is not a list");
        }
        var items = data.Deserialize<List<T>>(CometChatJson.Options) ?? new List<T>();
        Pagination? pagination = null;
        if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("pagination", out var paging) && paging.ValueKind == JsonValueKind.Object)
        {
            pagination = paging.Deserialize<Pagination>(CometChatJson.Options);
        }
        return new CometChatPage<T>(items, pagination);
    }
}
