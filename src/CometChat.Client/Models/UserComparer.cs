using System.Collections;

namespace CometChat.Client.Models;

/// <summary>Decides whether a stored user is what a create request asked for.</summary>
public static class UserComparer
{
    /// <summary>True when every field the request set has the same value on the stored user.</summary>
    public static bool Matches(NewUser requested, CometChatUser stored)
    {
        return string.Equals(requested.Uid, stored.Uid, StringComparison.OrdinalIgnoreCase)
            && requested.Name == stored.Name
            && SameOptional(requested.Avatar, stored.Avatar)
            && SameOptional(requested.Link, stored.Link)
            && string.Equals(requested.Role ?? "default", stored.Role ?? "default", StringComparison.OrdinalIgnoreCase)
            && SameOptional(requested.StatusMessage, stored.StatusMessage)
            && SameValue(requested.Metadata is { Count: > 0 } ? requested.Metadata : null, stored.Metadata is { Count: > 0 } ? stored.Metadata : null)
            && (requested.Tags ?? Array.Empty<string>()).SequenceEqual((IEnumerable<string>?)stored.Tags ?? Array.Empty<string>());
    }

    private static bool SameOptional(string? requested, string? stored)
        => string.IsNullOrEmpty(requested) ? string.IsNullOrEmpty(stored) : requested == stored;

    /// <summary>Deep equality of metadata trees; key order does not matter, numbers compare by value.</summary>
    public static bool SameValue(object? left, object? right)
    {
        switch (left)
        {
            case null:
                return right is null;
            case string text:
                return right is string other && text == other;
            case IDictionary leftMap when right is IDictionary rightMap:
                if (leftMap.Count != rightMap.Count)
                {
                    return false;
                }
                foreach (DictionaryEntry entry in leftMap)
                {
                    if (!rightMap.Contains(entry.Key) || !SameValue(entry.Value, rightMap[entry.Key]))
                    {
                        return false;
                    }
                }
                return true;
            case IEnumerable leftItems when right is IEnumerable rightItems and not string and not IDictionary:
                var a = leftItems.Cast<object?>().ToList();
                var b = rightItems.Cast<object?>().ToList();
                return a.Count == b.Count && a.Zip(b, SameValue).All(same => same);
            case bool flag:
                return right is bool otherFlag && flag == otherFlag;
            default:
                return right is not null && IsNumber(left) && IsNumber(right)
                    && Convert.ToDouble(left, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(right, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static bool IsNumber(object value) => value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;
}
