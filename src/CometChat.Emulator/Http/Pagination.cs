namespace CometChat.Emulator.Http;

/// <summary>Writes <c>meta.pagination</c> (snake_case, true values, #6) and <c>meta.cursor</c>.</summary>
public static class Pagination
{
    /// <summary>
    /// Writes the meta object. <c>total_pages</c> is at least 1, as the Laravel paginator behind the live API
    /// reports it; the cursor is omitted for an empty page.
    /// </summary>
    public static Action<Utf8JsonWriter> Meta(int total, int count, int perPage, int page, long? cursorUpdatedAt = null, bool withCursor = false) =>
        w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("pagination");
            w.WriteNumber("total", total);
            w.WriteNumber("count", count);
            w.WriteNumber("per_page", perPage);
            w.WriteNumber("current_page", page);
            w.WriteNumber("total_pages", Math.Max(1, (total + perPage - 1) / perPage));
            w.WriteEndObject();
            if (withCursor && cursorUpdatedAt is { } updatedAt)
            {
                w.WriteStartObject("cursor");
                w.WriteNumber("updatedAt", updatedAt);
                w.WriteString("affix", "prepend");
                w.WriteEndObject();
            }
            w.WriteEndObject();
        };

    /// <summary>Writes an array of items.</summary>
    public static Action<Utf8JsonWriter> Array<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write) =>
        w =>
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                write(w, item);
            }
            w.WriteEndArray();
        };
}
