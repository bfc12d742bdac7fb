using EcosystemMarket.Portal.Gateway;
using static EcosystemMarket.Portal.Gateway.GatewayClient;

namespace EcosystemMarket.Portal.Money;

// What the portal reads of Settlement's ledger, as it answers (camelCase JSON).

public sealed record Balance(string Currency, decimal Amount, decimal Held, decimal Payable, decimal Paid);

public sealed record LedgerEntry(
    Guid Id, string TransactionKey, Guid OpportunityId, Guid PartnerId, Guid CounterpartyPartnerId, string Account,
    decimal Amount, string Currency, DateTimeOffset CreatedAt, DateTimeOffset PayableAt);

public sealed record PartnerLedger(Guid PartnerId, IReadOnlyList<Balance> Balances, IReadOnlyList<LedgerEntry> Entries);

public sealed record CurrencyStatement(string Currency, decimal OpeningBalance, IReadOnlyList<LedgerEntry> Entries, decimal ClosingBalance,
    decimal Held, decimal Payable, decimal Paid);

public sealed record Statement(Guid PartnerId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CurrencyStatement> Currencies);

public sealed record PartnerBalance(Guid PartnerId, string Currency, decimal Owed, decimal Held, decimal Payable, decimal Paid);

public sealed record ProgramLedger(string VendorId, IReadOnlyList<Balance> Balances, IReadOnlyList<PartnerBalance> Partners);

public sealed record PayoutApproved(Guid PayoutId, string VendorId, Guid PartnerId, decimal Amount, string Currency, DateTimeOffset OccurredAt);

/// <summary>A fee between partners as one side (or the vendor, without a role) reads it; <c>state</c> is due, overdue, paid or reversed.</summary>
public sealed record Fee(
    string Id, Guid OpportunityId, string Kind, string? Role, Guid PayerPartnerId, Guid PayeePartnerId, decimal Amount, string Currency,
    DateTimeOffset BookedAt, DateTimeOffset PayableAt, DateTimeOffset DueAt, string State, DateTimeOffset? PaidAt)
{
    public bool IsOverdue => State == "overdue";

    /// <summary>What the reader can do about the fee: the payer marks it paid, the payee confirms receipt, once, while it is unpaid.</summary>
    public string? Action => State is "due" or "overdue" ? Role switch { "payer" => "Mark paid", "payee" => "Confirm received", _ => null } : null;

    /// <summary>The other party, from the reader's side.</summary>
    public Guid OtherParty => Role == "payer" ? PayeePartnerId : PayerPartnerId;
}

public sealed record FeePage(IReadOnlyList<Fee> Items, string? NextCursor);

public sealed record PartnerName(Guid Id, string Name);

public sealed record OpportunityName(Guid Id, Customer? Customer, string Industry, string Region);

public sealed record Customer(string Name);

/// <summary>Settlement's money through the gateway: a partner's ledger and statements, a program's ledger and payouts.</summary>
public sealed class MoneyApi(GatewayClient gateway)
{
    public Task<GatewayAnswer<PartnerLedger>> LedgerAsync(Guid partnerId, CancellationToken cancellationToken) =>
        gateway.GetAsync<PartnerLedger>($"api/rewards/partners/{partnerId}/ledger", cancellationToken);

    public Task<GatewayAnswer<Statement>> StatementAsync(Guid partnerId, StatementPeriod period, CancellationToken cancellationToken) =>
        gateway.GetAsync<Statement>(StatementPath(partnerId, period, currency: null), cancellationToken);

    public Task<GatewayAnswer<byte[]>> StatementCsvAsync(Guid partnerId, StatementPeriod period, string? currency, CancellationToken cancellationToken) =>
        gateway.GetBytesAsync(StatementPath(partnerId, period, currency), "text/csv", cancellationToken);

    public Task<GatewayAnswer<ProgramLedger>> ProgramLedgerAsync(string vendorId, CancellationToken cancellationToken) =>
        gateway.GetAsync<ProgramLedger>($"api/rewards/vendors/{Uri.EscapeDataString(vendorId)}/ledger", cancellationToken);

    public Task<GatewayAnswer<PayoutApproved>> ApprovePayoutAsync(string vendorId, Guid partnerId, string currency, CancellationToken cancellationToken) =>
        gateway.PostAsync<PayoutApproved>($"api/rewards/vendors/{Uri.EscapeDataString(vendorId)}/payouts", new { partnerId, currency }, cancellationToken);

    public Task<GatewayAnswer<FeePage>> FeesAsync(Guid partnerId, CancellationToken cancellationToken) =>
        gateway.GetAsync<FeePage>($"api/rewards/partners/{partnerId}/fees?limit=200", cancellationToken);

    public Task<GatewayAnswer<FeePage>> OverdueFeesAsync(string vendorId, CancellationToken cancellationToken) =>
        gateway.GetAsync<FeePage>($"api/rewards/vendors/{Uri.EscapeDataString(vendorId)}/fees?state=overdue&limit=200", cancellationToken);

    /// <summary>The payer records paying the fee, or the payee confirms receiving it (<see cref="Fee.Action"/>).</summary>
    public Task<GatewayAnswer<Fee>> SettleFeeAsync(Guid partnerId, Fee fee, CancellationToken cancellationToken) =>
        gateway.PostAsync<Fee>($"api/rewards/partners/{partnerId}/fees/{Uri.EscapeDataString(fee.Id)}/{(fee.Role == "payer" ? "paid" : "confirm-received")}",
            null, cancellationToken);

    /// <summary>Names from the directory, asked for all at once; an id the directory does not know keeps no name.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PartnerNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(ids.Distinct().Select(id => gateway.GetAsync<PartnerName>($"api/partners/{id}", cancellationToken)));
        return answers.Where(a => a.Value is not null).ToDictionary(a => a.Value!.Id, a => a.Value!.Name);
    }

    /// <summary>What to call each opportunity: its customer where the caller may see it, else its industry and region.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OpportunityNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(ids.Where(id => id != Guid.Empty).Distinct()
            .Select(id => gateway.GetAsync<OpportunityName>($"api/opportunities/{id}", cancellationToken)));
        return answers.Where(a => a.Value is not null).ToDictionary(a => a.Value!.Id,
            a => a.Value!.Customer?.Name ?? $"{a.Value.Industry} deal in {a.Value.Region}");
    }

    private static string StatementPath(Guid partnerId, StatementPeriod period, string? currency) =>
        With($"api/rewards/partners/{partnerId}/statements", ("from", period.FromInstant.ToString("O")), ("to", period.ToInstant.ToString("O")), ("currency", currency));
}
