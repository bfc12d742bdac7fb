namespace EcosystemMarket.Brokering.Model;

public enum OpportunityStatus
{
    Open,
    Won,
    Lost,
}

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
}
