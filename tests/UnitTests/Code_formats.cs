using EcosystemMarket.Contracts;

namespace EcosystemMarket.UnitTests;

public class Code_formats
{
    [Theory]
    [InlineData("storage")]
    [InlineData("storage.backup")]
    [InlineData("networking.sd-wan")]
    [InlineData("ai.llm-ops.gpu-2")]
    public void Accepts_lower_case_hierarchical_capability_codes(string code) => Assert.True(CodeFormats.IsCapability(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Storage")]
    [InlineData("storage.")]
    [InlineData(".storage")]
    [InlineData("storage..backup")]
    [InlineData("sd--wan")]
    [InlineData("-storage")]
    [InlineData("storage-")]
    [InlineData("storage backup")]
    [InlineData("storage_backup")]
    [InlineData("storage\n")]
    public void Rejects_malformed_capability_codes(string? code) => Assert.False(CodeFormats.IsCapability(code));

    [Fact]
    public void Rejects_capability_codes_longer_than_100_characters()
    {
        Assert.True(CodeFormats.IsCapability(new string('a', 100)));
        Assert.False(CodeFormats.IsCapability(new string('a', 101)));
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("DE", true)]
    [InlineData("us", false)]
    [InlineData("USA", false)]
    [InlineData("U", false)]
    [InlineData("U1", false)]
    [InlineData("US\n", false)]
    [InlineData(null, false)]
    public void Accepts_only_two_upper_case_letters_as_a_region(string? code, bool valid) => Assert.Equal(valid, CodeFormats.IsRegion(code));

    [Theory]
    [InlineData("USD", true)]
    [InlineData("EUR", true)]
    [InlineData("JPY", true)]
    [InlineData("ABC", false)]
    [InlineData("XXX", false)]
    [InlineData("HRK", false)]
    [InlineData("usd", false)]
    [InlineData("US", false)]
    [InlineData("USDT", false)]
    [InlineData("U$D", false)]
    [InlineData("EUR\n", false)]
    [InlineData(null, false)]
    public void Accepts_only_active_ISO_4217_codes_as_a_currency(string? code, bool valid) => Assert.Equal(valid, CodeFormats.IsCurrency(code));
}
