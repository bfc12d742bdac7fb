using System.Net.Http.Json;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.TestSupport;

public enum RewardOutcome
{
    /// <summary>No entry on either side: the win never reached the ledger.</summary>
    Lost,
    SettledOnce,
    /// <summary>More than one entry on a side: the win was booked again.</summary>
    SettledTwice,
    /// <summary>Booked, but not as agreed: a wrong amount or currency, or one side of the double entry missing.</summary>
    Wrong,
}

/// <summary>What a member is owed by the owner for one won deal.</summary>
public sealed record ExpectedReward(Guid OpportunityId, Guid OwnerPartnerId, Guid PartnerId, decimal Amount, string Currency);

public sealed record LedgerLine(Guid OpportunityId, Guid PartnerId, Guid CounterpartyPartnerId, string Account, decimal Amount, string Currency);

public sealed record LedgerBalance(string Currency, decimal Amount);

public sealed record PartnerLedger(Guid PartnerId, IReadOnlyList<LedgerBalance> Balances, IReadOnlyList<LedgerLine> Entries);

public sealed record SettlementVerdict(
    IReadOnlyDictionary<ExpectedReward, RewardOutcome> Outcomes,
    IReadOnlyList<LedgerLine> Unexpected,
    IReadOnlyList<string> TotalMismatches)
{
    public int Count(RewardOutcome outcome) => Outcomes.Values.Count(o => o == outcome);

    public bool IsExactlyOnce => Outcomes.Values.All(o => o == RewardOutcome.SettledOnce) && Unexpected.Count == 0 && TotalMismatches.Count == 0;

    public string Summary =>
        $"{Outcomes.Count} expected rewards: {Count(RewardOutcome.Lost)} lost, {Count(RewardOutcome.SettledOnce)} settled once, " +
        $"{Count(RewardOutcome.SettledTwice)} settled twice, {Count(RewardOutcome.Wrong)} wrong; {Unexpected.Count} unexpected entries; " +
        (TotalMismatches.Count == 0 ? "ledger totals as expected" : "totals differ: " + string.Join("; ", TotalMismatches.Take(5)));
}

/// <summary>
/// Classifies every reward the won deals should have produced as lost, settled once or settled twice (or
/// wrong), from the partners' ledgers as Settlement serves them, and compares each partner's balance with
/// the sum it should be. Rewards here are referral fees and revenue shares (a percentage) or fixed fees,
/// in currencies with two decimals.
/// </summary>
public sealed class SettlementChecker
{
    private readonly List<ExpectedReward> _expected = [];

    public IReadOnlyList<ExpectedReward> Expected => _expected;

    public IReadOnlyCollection<Guid> Partners => _expected.SelectMany(r => new[] { r.OwnerPartnerId, r.PartnerId }).ToHashSet();

    public void Expect(OpportunityWon won)
    {
        foreach (var member in won.Team)
        {
            var amount = decimal.Round(member.Reward.Kind == RewardTerms.FixedFee ? member.Reward.Amount ?? 0 : won.FinalValue * (member.Reward.Percent ?? 0) / 100m, 2, MidpointRounding.AwayFromZero);
            if (amount != 0)
            {
                _expected.Add(new ExpectedReward(won.OpportunityId, won.OwnerPartnerId, member.PartnerId, amount, won.Currency));
            }
        }
    }

    public void Expect(IEnumerable<OpportunityWon> wins)
    {
        foreach (var won in wins)
        {
            Expect(won);
        }
    }

    public SettlementVerdict Check(IEnumerable<PartnerLedger> ledgers)
    {
        var ledgerList = ledgers.ToList();
        var lines = ledgerList.SelectMany(l => l.Entries).Distinct().ToList();
        var byOpportunity = lines.ToLookup(l => l.OpportunityId);
        var matched = new HashSet<LedgerLine>();
        var outcomes = new Dictionary<ExpectedReward, RewardOutcome>();
        foreach (var reward in _expected)
        {
            var earned = byOpportunity[reward.OpportunityId].Where(l => l.PartnerId == reward.PartnerId && l.CounterpartyPartnerId == reward.OwnerPartnerId).ToList();
            var owed = byOpportunity[reward.OpportunityId].Where(l => l.PartnerId == reward.OwnerPartnerId && l.CounterpartyPartnerId == reward.PartnerId).ToList();
            matched.UnionWith(earned);
            matched.UnionWith(owed);
            outcomes[reward] = (earned.Count, owed.Count) switch
            {
                (0, 0) => RewardOutcome.Lost,
                ( > 1, _) or (_, > 1) => RewardOutcome.SettledTwice,
                (1, 1) when earned[0] is var e && owed[0] is var o
                    && e.Amount == reward.Amount && o.Amount == -reward.Amount && e.Currency == reward.Currency && o.Currency == reward.Currency => RewardOutcome.SettledOnce,
                _ => RewardOutcome.Wrong,
            };
        }

        var expectedTotals = _expected
            .SelectMany(r => new[] { (Partner: r.PartnerId, r.Currency, r.Amount), (Partner: r.OwnerPartnerId, r.Currency, Amount: -r.Amount) })
            .GroupBy(t => (t.Partner, t.Currency))
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Amount));
        var actualTotals = ledgerList
            .SelectMany(l => l.Balances.Select(b => (Key: (l.PartnerId, b.Currency), b.Amount)))
            .ToDictionary(t => t.Key, t => t.Amount);
        var mismatches = expectedTotals.Keys.Union(actualTotals.Keys)
            .Select(key => (key, Expected: expectedTotals.GetValueOrDefault(key), Actual: actualTotals.GetValueOrDefault(key)))
            .Where(t => t.Expected != t.Actual)
            .Select(t => $"{t.key.Item1} {t.key.Currency}: expected {t.Expected}, ledger {t.Actual}")
            .ToList();

        return new SettlementVerdict(outcomes, lines.Where(l => !matched.Contains(l)).ToList(), mismatches);
    }

    /// <summary>Reads every partner's ledger from Settlement's API (the client acts as an administrator) and checks it.</summary>
    public async Task<SettlementVerdict> CheckAsync(HttpClient settlement, CancellationToken cancellationToken = default)
    {
        var ledgers = new List<PartnerLedger>();
        foreach (var partner in Partners)
        {
            ledgers.Add(await ReadLedgerAsync(settlement, partner, cancellationToken));
        }
        return Check(ledgers);
    }

    public static async Task<PartnerLedger> ReadLedgerAsync(HttpClient settlement, Guid partnerId, CancellationToken cancellationToken = default) =>
        await settlement.GetFromJsonAsync<PartnerLedger>($"/api/rewards/partners/{partnerId}/ledger", cancellationToken)
        ?? throw new InvalidOperationException($"No ledger for {partnerId}.");
}
