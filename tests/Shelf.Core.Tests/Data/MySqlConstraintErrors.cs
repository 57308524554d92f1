using Npgsql;

namespace Shelf.Core.Tests.Data;

/// <summary>
/// The server error numbers MySQL and MariaDB give for the constraint violations the schema tests
/// name by PostgreSQL's SQLSTATE (the MySQL driver reports SQLSTATE 23000 for all of them).
/// </summary>
internal static class MySqlConstraintErrors
{
    public static int[] For(string postgresState) => postgresState switch
    {
        // MariaDB's ER_CONSTRAINT_FAILED, MySQL's ER_CHECK_CONSTRAINT_VIOLATED.
        PostgresErrorCodes.CheckViolation => [4025, 3819],
        PostgresErrorCodes.UniqueViolation => [1062],

        // A parent row still referenced; a child row with no parent.
        PostgresErrorCodes.ForeignKeyViolation => [1451, 1452],
        PostgresErrorCodes.NotNullViolation => [1048],
        _ => throw new ArgumentOutOfRangeException(nameof(postgresState), postgresState, "no MySQL equivalent listed"),
    };
}
