using System.Data.Common;
using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.Settlement.Infrastructure;

/// <summary>Payout accounts saved optimistically: a save that finds the version moved on (or the account just opened) throws <see cref="ConcurrencyConflictException"/>.</summary>
public static class PayoutAccounts
{
    private static readonly SqlText SelectVersion = SqlText.Portable(
        "SELECT version FROM payout_accounts WHERE vendor_id = @VendorId AND partner_id = @PartnerId AND currency = @Currency;");

    private static readonly SqlText Insert = SqlText.Portable("""
        INSERT INTO payout_accounts (vendor_id, partner_id, currency, version, updated_at)
        VALUES (@VendorId, @PartnerId, @Currency, @Version, @UpdatedAt);
        """);

    private static readonly SqlText UpdateIfVersion = SqlText.Portable("""
        UPDATE payout_accounts SET version = @Version, updated_at = @UpdatedAt
        WHERE vendor_id = @VendorId AND partner_id = @PartnerId AND currency = @Currency AND version = @ExpectedVersion;
        """);

    /// <summary>The account, at version 0 when nothing was ever paid.</summary>
    public static async Task<PayoutAccount> GetAsync(UnitOfWork unit, string vendorId, Guid partnerId, string currency, CancellationToken cancellationToken)
    {
        var version = await unit.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(unit.Sql(SelectVersion),
            new { VendorId = vendorId, PartnerId = partnerId, Currency = currency }, unit.Transaction, cancellationToken: cancellationToken));
        return new PayoutAccount(vendorId, partnerId, currency, version ?? 0);
    }

    /// <param name="expectedVersion">The version the account had when it was read.</param>
    public static async Task SaveAsync(UnitOfWork unit, PayoutAccount account, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new { account.VendorId, account.PartnerId, account.Currency, account.Version, UpdatedAt = now, ExpectedVersion = expectedVersion };
        int saved;
        try
        {
            saved = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(expectedVersion == 0 ? Insert : UpdateIfVersion),
                parameters, unit.Transaction, cancellationToken: cancellationToken));
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            saved = 0;
        }
        if (saved != 1)
        {
            throw new ConcurrencyConflictException(
                $"Partner {account.PartnerId} was paid in {account.Currency} by another approval at the same moment.");
        }
    }
}
