namespace EcosystemMarket.Partners.Grpc;

public sealed class PartnerDirectoryOptions
{
    /// <summary>Partners read from the database per round trip while streaming the whole directory.</summary>
    public int StreamPageSize { get; set; } = 1000;
}
