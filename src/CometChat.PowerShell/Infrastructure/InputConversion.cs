using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CometChat.Client.Models;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Conversions of parameter values as they arrive from CSV cells, hashtables or this module's own objects. An empty
/// CSV cell means "not given". Conversions happen in ProcessRecord, not at binding, so that a bad cell becomes an
/// error whose target is the row, and the other rows go on.
/// </summary>
internal static class InputConversion
{
    /// <summary>Null for an empty or blank value, else the value.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>
    /// Metadata from a JSON object text (a CSV cell), a hashtable/dictionary, a PSCustomObject, or this module's own
    /// metadata. Null or an empty cell means not given.
    /// </summary>
    public static CometChatMetadata? Metadata(object? value)
    {
        value = Unwrap(value);
        switch (value)
        {
            case null:
                return null;
            case CometChatMetadata metadata:
                return metadata;
            case string text when string.IsNullOrWhiteSpace(text):
                return null;
            case string text:
                return CometChatMetadata.Parse(text);
            case IDictionary dictionary:
                return FromDictionary(dictionary);
            case PSObject custom:
                return FromProperties(custom);
            default:
                throw new ArgumentException($"Metadata must be a JSON object text, a hashtable or an object; a {value.GetType().Name} can't be used.");
        }
    }

    /// <summary>Tags from an array, or from a CSV cell such as <c>a;b;c</c> (commas are accepted too). Empty means not given.</summary>
    public static List<string>? Tags(string[]? values)
    {
        if (values is null)
        {
            return null;
        }
        var tags = values
            .Where(v => v is not null)
            .SelectMany(v => v.Split(new[] { CometChatTagList.Separator, ',' }, StringSplitOptions.RemoveEmptyEntries))
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .ToList();
        return tags.Count == 0 ? null : tags;
    }

    private static object? Unwrap(object? value)
    {
        // A PSObject wrapping a .NET value is that value; a PSCustomObject stays a PSObject.
        if (value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject)
        {
            return wrapped.BaseObject;
        }
        return value;
    }

    private static CometChatMetadata FromDictionary(IDictionary dictionary)
    {
        var result = new CometChatMetadata();
        foreach (DictionaryEntry entry in dictionary)
        {
            result[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = Plain(entry.Value);
        }
        return result;
    }

    private static CometChatMetadata FromProperties(PSObject custom)
    {
        var result = new CometChatMetadata();
        foreach (var property in custom.Properties)
        {
            result[property.Name] = Plain(property.Value);
        }
        return result;
    }

    /// <summary>Nested values as plain .NET trees the JSON writer understands.</summary>
    private static object? Plain(object? value)
    {
        value = Unwrap(value);
        return value switch
        {
            null => null,
            string or bool or char => value,
            IDictionary dictionary => FromDictionary(dictionary),
            PSObject custom => FromProperties(custom),
            IEnumerable sequence => sequence.Cast<object?>().Select(Plain).ToArray(),
            DateTime or DateTimeOffset => value,
            _ when value.GetType().IsPrimitive || value is decimal => value,
            _ => value.ToString(),
        };
    }
}
