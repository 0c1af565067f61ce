using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huodong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedContentAndReencryption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReencryptionProgress",
                columns: table => new
                {
                    Table = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetKeyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    Done = table.Column<long>(type: "INTEGER", nullable: false),
                    Resealed = table.Column<long>(type: "INTEGER", nullable: false),
                    Cursor = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReencryptionProgress", x => x.Table);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReencryptionProgress");
        }
    }
}
