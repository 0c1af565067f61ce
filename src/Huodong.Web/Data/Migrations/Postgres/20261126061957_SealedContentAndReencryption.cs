using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huodong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SealedContentAndReencryption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "Transitions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Reviews",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "ReencryptionProgress",
                columns: table => new
                {
                    Table = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TargetKeyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    Done = table.Column<long>(type: "bigint", nullable: false),
                    Resealed = table.Column<long>(type: "bigint", nullable: false),
                    Cursor = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "Transitions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Reviews",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
