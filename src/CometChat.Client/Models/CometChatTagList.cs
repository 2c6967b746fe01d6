namespace CometChat.Client.Models;

/// <summary>
/// A user's tags. A list, so <c>$user.Tags -contains 'vip'</c> works; <see cref="ToString"/> writes them as one
/// CSV cell that <see cref="ParseCell"/> reads back to the same tags, so Export-Csv then Import-Csv loses nothing.
/// </summary>
public sealed class CometChatTagList : List<string>
{
    /// <summary>The separator used in CSV cells.</summary>
    public const char Separator = ';';

    /// <summary>Creates an empty list.</summary>
    public CometChatTagList() { }

    /// <summary>Creates a list holding <paramref name="tags"/>.</summary>
    public CometChatTagList(IEnumerable<string> tags) : base(tags) { }

    /// <summary>
    /// The tags of one CSV cell: separated by <c>;</c> when the cell has one, else by <c>,</c> (so <c>a,b</c> typed
    /// by hand works, and a tag with a comma survives in <c>x;Legal, Compliance</c>). Blank tags are dropped and
    /// surrounding spaces trimmed.
    /// </summary>
    public static CometChatTagList ParseCell(string cell)
    {
        var separator = cell.IndexOf(Separator) >= 0 ? Separator : ',';
        return new CometChatTagList(cell.Split(separator).Select(tag => tag.Trim()).Where(tag => tag.Length > 0));
    }

    /// <summary>
    /// The tags as one cell, joined with <c>;</c>. A single tag that holds a comma gets a trailing <c>;</c>, so that
    /// <see cref="ParseCell"/> reads it as one tag rather than splitting it at the comma.
    /// </summary>
    public override string ToString()
    {
        var cell = string.Join(Separator.ToString(), this);
        return Count == 1 && cell.IndexOf(',') >= 0 ? cell + Separator : cell;
    }
}
