namespace EcosystemMarket.Data;

public enum SqlDialect
{
    Sqlite,
    SqlServer,
}
