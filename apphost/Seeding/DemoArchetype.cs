namespace EcosystemMarket.AppHost.Seeding;

/// <summary>A kind of partner the channel knows, with the capabilities such partners typically bring.</summary>
public sealed record DemoArchetype(string PartnerFunction, string Category, string NameSuffix, bool PostsOpportunities, IReadOnlyList<string> Capabilities)
{
    public static readonly IReadOnlyList<DemoArchetype> All =
    [
        new("sales", "solution-reseller", "Resellers", true, ["software.licensing", "end-user-computing.desktop", "collaboration.productivity", "services.procurement", "end-user-computing.device-management"]),
        new("sales", "cloud-reseller", "Cloud", true, ["cloud.public", "cloud.cost-management", "cloud.migration", "software.licensing", "cloud.landing-zone"]),
        new("solution", "system-integrator", "Integration", true, ["software.integration", "data.integration", "software.erp", "services.consulting", "cloud.hybrid"]),
        new("solution", "msp", "Managed Services", true, ["services.managed", "security.soc", "networking.monitoring", "devops.observability", "end-user-computing.service-desk"]),
        new("solution", "isv", "Software", false, ["storage.backup", "security.siem", "data.analytics", "ai.generative", "software.crm", "security.identity.mfa"]),
        new("solution", "ihv", "Hardware", false, ["storage.flash", "compute.servers", "networking.wireless", "compute.gpu", "storage.hyperconverged"]),
        new("service", "consulting-deployment", "Consulting", false, ["services.deployment", "networking.sd-wan", "security.firewall", "compute.virtualization", "security.zero-trust"]),
        new("service", "training-certification", "Academy", false, ["services.training", "devops.ci-cd", "devops.infrastructure-as-code", "cloud.native"]),
        new("sales", "value-added-distributor", "Distribution", true, ["services.procurement", "services.financing", "networking.switching", "compute.servers"]),
        new("service", "authorized-service-partner", "Field Services", false, ["services.support", "end-user-computing.printing", "compute.edge", "iot.smart-buildings"]),
    ];
}
