using System.Collections;

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

    /// <summary>
    /// <see cref="Metadata(object)"/>, with a value that can't be converted noted in <paramref name="problems"/> (as
    /// CometChat would report it: <c>metadata</c>, ERR_BAD_REQUEST) instead of thrown, so it fails its row alone.
    /// </summary>
    public static CometChatMetadata? Metadata(object? value, List<FieldProblem> problems)
    {
        try
        {
            return Metadata(value);
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            problems.Add(new FieldProblem("metadata", error.Message));
            return null;
        }
    }

    /// <summary>
    /// Tags from an array, taken as they are, or from one CSV cell such as <c>a;b;c</c> (see
    /// <see cref="CometChatTagList.ParseCell"/>). Only a cell is split: <c>-Tags 'Finance, Legal'</c> is one tag.
    /// Empty means not given.
    /// </summary>
    public static List<string>? Tags(string[]? values, bool fromCell)
    {
        if (values is null)
        {
            return null;
        }
        IEnumerable<string> tags = fromCell && values.Length == 1 && values[0] is { } cell
            ? CometChatTagList.ParseCell(cell)
            : values.Where(v => v is not null).Select(v => v.Trim()).Where(v => v.Length > 0);
        var list = tags.ToList();
        return list.Count == 0 ? null : list;
    }

    /// <summary>Uids from an array or from cells such as <c>a;b</c> or <c>a,b</c> (a uid never holds either).</summary>
    public static List<string> UidList(string[]? values)
        => (values ?? Array.Empty<string>())
            .Where(v => v is not null)
            .SelectMany(v => v.Split(new[] { CometChatTagList.Separator, ',' }, StringSplitOptions.RemoveEmptyEntries))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0)
            .ToList();

    /// <summary>
    /// A piped row as an error's target that Export-Csv writes back losslessly: a row whose cells hold a hashtable,
    /// an object or an array (metadata and tags given as values) is copied with those cells as the text a CSV cell
    /// holds (compact JSON, <c>a;b</c>), so exporting the failed rows and importing them again gives the same
    /// input. Other targets (CSV rows, this module's objects, uids) are returned as they are.
    /// </summary>
    public static object? Exportable(object? target)
    {
        if (target is not PSObject { BaseObject: PSCustomObject } row || !row.Properties.Any(property => NeedsCellText(property.Value)))
        {
            return target;
        }
        var copy = new PSObject();
        foreach (var property in row.Properties)
        {
            copy.Properties.Add(new PSNoteProperty(property.Name, NeedsCellText(property.Value) ? CellText(property.Value) : property.Value));
        }
        return copy;
    }

    private static bool NeedsCellText(object? value) => Unwrap(value) is IDictionary or PSObject or IEnumerable and not string;

    private static string? CellText(object? value)
    {
        value = Unwrap(value);
        if (value is IEnumerable sequence and not IDictionary && value is not PSObject)
        {
            return new CometChatTagList(sequence.Cast<object?>().Select(item => Convert.ToString(Unwrap(item), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)).ToString();
        }
        try
        {
            return Metadata(value)?.ToString();
        }
        catch (Exception error) when (error is ArgumentException or FormatException or NotSupportedException)
        {
            return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }
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
