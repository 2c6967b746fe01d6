using System.Text.Json.Serialization;

namespace CometChat.Client.Models;

/// <summary>The <c>meta.pagination</c> block of a list; the only snake_case part of the API.</summary>
public sealed class Pagination
{
    /// <summary>Items matching the query, over all pages.</summary>
    [JsonPropertyName("total")] public long Total { get; set; }

    /// <summary>Items on this page.</summary>
    [JsonPropertyName("count")] public int Count { get; set; }

    /// <summary>Page size.</summary>
    [JsonPropertyName("per_page")] public int PerPage { get; set; }

    /// <summary>This page, 1-based.</summary>
    [JsonPropertyName("current_page")] public int CurrentPage { get; set; }

    /// <summary>Number of pages.</summary>
    [JsonPropertyName("total_pages")] public int TotalPages { get; set; }
}

/// <summary>One page of a list.</summary>
public sealed class CometChatPage<T>
{
    /// <summary>Creates a page.</summary>
    public CometChatPage(IReadOnlyList<T> items, Pagination? pagination)
    {
        Items = items;
        Pagination = pagination;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Paging information; null when the server sent none.</summary>
    public Pagination? Pagination { get; }

    /// <summary>Whether a later page exists.</summary>
    public bool HasMore => Pagination is { } p && p.CurrentPage < p.TotalPages;
}
