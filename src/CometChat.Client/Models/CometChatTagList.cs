using System.Collections.Generic;

namespace CometChat.Client.Models;

/// <summary>
/// A user's tags. A list, so <c>$user.Tags -contains 'vip'</c> works; <see cref="ToString"/> joins them with
/// <c>;</c>, the CSV convention of this module, so Export-Csv writes <c>a;b;c</c> and Import-Csv reads it back.
/// </summary>
public sealed class CometChatTagList : List<string>
{
    /// <summary>The separator used in CSV cells.</summary>
    public const char Separator = ';';

    /// <summary>Creates an empty list.</summary>
    public CometChatTagList() { }

    /// <summary>Creates a list holding <paramref name="tags"/>.</summary>
    public CometChatTagList(IEnumerable<string> tags) : base(tags) { }

    /// <summary>The tags joined with <c>;</c>.</summary>
    public override string ToString() => string.Join(Separator.ToString(), this);
}
