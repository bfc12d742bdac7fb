using System.Globalization;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.ServiceDefaults.Paging;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// A pair's place in the relationship list: most wins together first, then acceptances, then invitations, ties
/// broken by the pair's ids (in either orientation the same), so that every replica lists pairs alike and a cursor
/// names a place that stays put while other pairs change.
/// </summary>
public readonly record struct PairRank(int Wins, int Accepted, int Invitations, Guid Low, Guid High) : IComparable<PairRank>
{
    public static PairRank Of(PairHealth pair)
    {
        var (low, high) = pair.PartnerId.CompareTo(pair.CounterpartId) < 0 ? (pair.PartnerId, pair.CounterpartId) : (pair.CounterpartId, pair.PartnerId);
        return new PairRank(pair.WinsTogether, pair.Accepted, pair.InvitationsSent + pair.InvitationsReceived, low, high);
    }

    public int CompareTo(PairRank other) =>
        other.Wins != Wins ? other.Wins.CompareTo(Wins)
        : other.Accepted != Accepted ? other.Accepted.CompareTo(Accepted)
        : other.Invitations != Invitations ? other.Invitations.CompareTo(Invitations)
        : Low != other.Low ? Low.CompareTo(other.Low)
        : High.CompareTo(other.High);

    public PageCursor ToCursor() => new(string.Create(CultureInfo.InvariantCulture, $"{Wins}.{Accepted}.{Invitations}.{High:N}"), Low);

    public static PairRank? FromCursor(PageCursor cursor) =>
        cursor.Key.Split('.') is [var wins, var accepted, var invitations, var high]
        && int.TryParse(wins, NumberStyles.None, CultureInfo.InvariantCulture, out var w)
        && int.TryParse(accepted, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
        && int.TryParse(invitations, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
        && Guid.TryParseExact(high, "N", out var h)
            ? new PairRank(w, a, i, cursor.Id, h)
            : null;
}
