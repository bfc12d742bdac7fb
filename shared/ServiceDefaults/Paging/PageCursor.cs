using System.Buffers.Text;
using System.Text;

namespace EcosystemMarket.ServiceDefaults.Paging;

/// <summary>
/// Keyset pagination: the cursor names the last item of the previous page by its sort key and id, so
/// pages stay stable while rows are added, and reading page n costs the same as reading page 1.
/// </summary>
public sealed record PageCursor(string Key, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Id:N}{Key}"));

    public static bool TryDecode(string? text, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            if (decoded.Length >= 32 && Guid.TryParseExact(decoded[..32], "N", out var id))
            {
                cursor = new PageCursor(decoded[32..], id);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Fetch one item more than asked: its presence says whether a next page exists.</summary>
    public static Page<T> ToPage<T>(IReadOnlyList<T> fetched, int limit, Func<T, PageCursor> cursorOf) =>
        fetched.Count > limit
            ? new Page<T>(fetched.Take(limit).ToList(), cursorOf(fetched[limit - 1]).Encode())
            : new Page<T>(fetched, null);

    public static Problems.ValidationErrors Validate(string? cursor, int? limit, out PageCursor? after, out int take)
    {
        var errors = ValidateLimit(limit, out take);
        if (!PageCursor.TryDecode(cursor, out after))
        {
            errors.Add("cursor", "'cursor' is not a cursor this API returned.");
        }
        return errors;
    }

    /// <summary>The page size asked for (the default when none), checked: for lists whose cursor is not a <see cref="PageCursor"/>.</summary>
    public static Problems.ValidationErrors ValidateLimit(int? limit, out int take)
    {
        var errors = new Problems.ValidationErrors();
        take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"'limit' must be between 1 and {MaxLimit}.");
        }
        return errors;
    }
}
