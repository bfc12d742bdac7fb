namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// The one rounding rule of the ledger: amounts are rounded to the currency's minor unit, halves away
/// from zero (2.345 USD → 2.35), once, when a reward is computed. Sums of rounded amounts are exact.
/// </summary>
public static class Money
{
    private static readonly IReadOnlyDictionary<string, int> MinorUnits = new Dictionary<string, int>
    {
        ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3, ["IQD"] = 3, ["LYD"] = 3,
    };

    public static int MinorUnitDigits(string currency) => MinorUnits.GetValueOrDefault(currency, 2);

    public static decimal Round(decimal amount, string currency) =>
        decimal.Round(amount, MinorUnitDigits(currency), MidpointRounding.AwayFromZero);
}
