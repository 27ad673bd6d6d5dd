/* zh-normalize: placeholder until the program lands. */
#include "cli.h"

int main(int argc, char **argv);

int
main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_init("zh-normalize");
	zusage("not implemented yet");
}
