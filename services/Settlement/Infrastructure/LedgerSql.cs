using EcosystemMarket.Data;

namespace EcosystemMarket.Settlement.Infrastructure;

internal static class LedgerSql
{
    private const string Columns = """
        id AS Id, transaction_key AS TransactionKey, opportunity_id AS OpportunityId, partner_id AS PartnerId,
        counterparty_partner_id AS CounterpartyPartnerId, account AS Account, amount AS Amount, currency AS Currency, created_at AS CreatedAt,
        payable_at AS PayableAt
        """;

    public static readonly SqlText SelectBookedTransactions = SqlText.Portable(
        "SELECT DISTINCT transaction_key FROM ledger_entries WHERE transaction_key IN @TransactionKeys;");

    public static readonly SqlText Insert = SqlText.Portable("""
        INSERT INTO ledger_entries (id, transaction_key, opportunity_id, partner_id, counterparty_partner_id, account, amount, currency, created_at, payable_at)
        VALUES (@Id, @TransactionKey, @OpportunityId, @PartnerId, @CounterpartyPartnerId, @Account, @Amount, @Currency, @CreatedAt, @PayableAt);
        """);

    public static readonly SqlText CountSettled = SqlText.Portable("SELECT COUNT(1) FROM settled_opportunities WHERE opportunity_id = @OpportunityId;");

    public static readonly SqlText InsertSettledUnlessSettled = SqlText.Portable("""
        INSERT INTO settled_opportunities (opportunity_id, settled_at, vendor_id)
        SELECT @OpportunityId, @SettledAt, @VendorId
        WHERE NOT EXISTS (SELECT 1 FROM settled_opportunities WHERE opportunity_id = @OpportunityId);
        """);

    public static readonly SqlText SelectOfOpportunity = SqlText.Portable(
        $"SELECT {Columns} FROM ledger_entries WHERE opportunity_id = @OpportunityId ORDER BY created_at, id;");

    public static readonly SqlText SelectAllOfPartner = SqlText.Portable(
        $"SELECT {Columns} FROM ledger_entries WHERE partner_id = @PartnerId ORDER BY created_at, id;");

    public static readonly SqlText SelectOfTransactions = SqlText.Portable(
        $"SELECT {Columns} FROM ledger_entries WHERE transaction_key IN @TransactionKeys ORDER BY created_at, id;");

    public static readonly SqlText SelectOfVendorOpportunities = SqlText.Portable($"""
        SELECT {Columns} FROM ledger_entries
        WHERE opportunity_id IN (SELECT opportunity_id FROM settled_opportunities WHERE vendor_id = @VendorId)
        ORDER BY created_at, id;
        """);
}
