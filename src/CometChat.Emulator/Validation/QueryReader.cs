using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace CometChat.Emulator.Validation;

/// <summary>Reads query parameters; bad values become validation errors. Unknown parameters are ignored (#5).</summary>
public sealed class QueryReader(IQueryCollection query)
{
    /// <summary>Problems found so far.</summary>
    public ValidationErrors Errors { get; } = new();

    /// <summary>The last non-empty value of a parameter, or null.</summary>
    public string? String(string name)
    {
        var values = Get(name);
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (!string.IsNullOrEmpty(values[i]))
            {
                return values[i];
            }
        }
        return null;
    }

    /// <summary>A boolean: true/false/1/0 (any case); empty or absent is false.</summary>
    public bool Bool(string name)
    {
        var value = String(name);
        if (value is null)
        {
            return false;
        }
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                Errors.Add(name, $"The {name} field must be true or false.");
                return false;
        }
    }

    /// <summary>An integer within bounds, or the default when absent.</summary>
    public int Int(string name, int defaultValue, int min, int max)
    {
        var value = String(name);
        if (value is null)
        {
            return defaultValue;
        }
        if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            Errors.Add(name, $"The {name} must be an integer.");
            return defaultValue;
        }
        if (n < min || n > max)
        {
            Errors.Add(name, max == int.MaxValue
                ? $"The {name} must be at least {min}."
                : $"The {name} must be between {min} and {max}.");
            return defaultValue;
        }
        return n;
    }

    /// <summary>
    /// A list given comma-separated, as repeated keys and/or in bracket form (<c>name[]=a</c>, <c>name[0]=a</c>,
    /// as PHP's <c>http_build_query</c> and axios write arrays); blanks dropped (#5).
    /// </summary>
    public List<string> List(string name)
    {
        var result = new List<string>();
        foreach (var value in Get(name).Concat(query.Where(p => IsBracketKey(p.Key, name)).SelectMany(p => p.Value)))
        {
            foreach (var part in (value ?? "").Split(','))
            {
                var item = part.Trim();
                if (item.Length > 0)
                {
                    result.Add(item);
                }
            }
        }
        return result;
    }

    /// <summary>
    /// <c>perPage</c> (1..1000, default 100) and <c>page</c> (≥ 1, default 1), per decision #6; <c>page=0</c> is
    /// page 1, as the Laravel paginator behind the live API reads it.
    /// </summary>
    public (int PerPage, int Page) Paging() => (Int("perPage", 100, 1, 1000), Page());

    private int Page()
    {
        // Only 0 is read leniently: a negative or non-numeric page is a client bug worth a 400 (#6).
        var value = String("page")?.Trim();
        return value is not null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n == 0
            ? 1
            : Int("page", 1, 1, int.MaxValue);
    }

    /// <summary>True for <c>name[]</c> and <c>name[N]</c> (N decimal digits).</summary>
    private static bool IsBracketKey(string key, string name)
    {
        if (key.Length < name.Length + 2 || !key.StartsWith(name, StringComparison.OrdinalIgnoreCase)
            || key[name.Length] != '[' || key[^1] != ']')
        {
            return false;
        }
        var index = key.AsSpan(name.Length + 1, key.Length - name.Length - 2);
        return !index.ContainsAnyExceptInRange('0', '9');
    }

    private StringValues Get(string name)
    {
        // Parameter names are matched case-sensitively in the live API; ASP.NET Core is lenient, which is harmless.
        return query.TryGetValue(name, out var values) ? values : StringValues.Empty;
    }
}
