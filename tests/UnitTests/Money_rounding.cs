using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.UnitTests;

public class Money_rounding
{
    [Theory]
    [InlineData("2.345", "USD", "2.35")]
    [InlineData("-2.345", "USD", "-2.35")]
    [InlineData("2.344", "USD", "2.34")]
    [InlineData("1234.5", "JPY", "1235")]
    [InlineData("1.2345", "KWD", "1.235")]
    public void Rounds_halves_away_from_zero_to_the_currency_minor_unit(string amount, string currency, string expected) =>
        Assert.Equal(decimal.Parse(expected), Money.Round(decimal.Parse(amount), currency));
}
