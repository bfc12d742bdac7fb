using System.Globalization;
using EcosystemMarket.ServiceDefaults.Paging;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Partners.Apis;

/// <summary>Pages of lists kept in insertion order, newest first: the cursor's key is the last row's sequence number.</summary>
internal static class SequenceCursor
{
    public static ValidationErrors Validate(string? cursor, int? limit, out long? before, out int take)
    {
        var errors = Paging.Validate(cursor, limit, out var after, out take);
        before = null;
        if (after is not null)
        {
            if (long.TryParse(after.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                before = sequence;
            }
            else
            {
                errors.Add("cursor", "'cursor' is not a cursor this API returned.");
            }
        }
        return errors;
    }

    public static PageCursor Of(long sequence, Guid id) => new(sequence.ToString(CultureInfo.InvariantCulture), id);
}
