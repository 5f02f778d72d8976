# SYNTAX TEST "source.4gl.logix" "keywords: case-insensitive, by family"

DATABASE logix
# <-------- keyword.other.declaration.4gl

GLOBALS
# <------- keyword.other.declaration.4gl
   DEFINE p_cod_empresa LIKE empresa.cod_empresa,
#  ^^^^^^ keyword.other.declaration.4gl
#                       ^^^^ keyword.other.declaration.4gl
#                                    ^^^^^^^^^^^ variable.other.member.4gl - keyword.other.declaration.4gl
          p_status      SMALLINT
#                       ^^^^^^^^ storage.type.4gl
End Globals
# <----------- keyword.other.declaration.4gl

DEFINE ma_saldos ARRAY[2000] OF RECORD
#                ^^^^^ storage.type.structure.4gl
#                     ^ punctuation.section.brackets.begin.4gl
#                            ^^ keyword.other.declaration.4gl
#                               ^^^^^^ storage.type.structure.4gl
          cod_local  CHAR(10), den  VarChar(30), d  date, dt DATETIME YEAR TO SECOND
#                    ^^^^ storage.type.4gl
#                                   ^^^^^^^ storage.type.4gl
#                                                   ^^^^ storage.type.4gl
#                                                            ^^^^^^^^ storage.type.4gl
#                                                                     ^^^^ storage.type.qualifier.4gl
#                                                                          ^^ keyword.other.4gl
#                                                                             ^^^^^^ storage.type.qualifier.4gl
          qtd_saldo  DECIMAL(15,3), n INTEGER, i int, f float, s SmallInt
#                    ^^^^^^^ storage.type.4gl
#                                     ^^^^^^^ storage.type.4gl
#                                                ^^^ storage.type.4gl
#                                                       ^^^^^ storage.type.4gl
#                                                                ^^^^^^^^ storage.type.4gl
                 END RECORD
#                ^^^^^^^^^^ storage.type.structure.4gl
   define lr record like item.*
#  ^^^^^^ keyword.other.declaration.4gl
#            ^^^^^^ storage.type.structure.4gl
#                   ^^^^ keyword.other.declaration.4gl
#                             ^ keyword.operator.wildcard.4gl

   IF x THEN
#  ^^ keyword.control.conditional.4gl
#       ^^^^ keyword.control.conditional.4gl
   Else
#  ^^^^ keyword.control.conditional.4gl
   End If
#  ^^^^^^ keyword.control.conditional.4gl
   if y then end if
#  ^^ keyword.control.conditional.4gl
#       ^^^^ keyword.control.conditional.4gl
#            ^^^^^^ keyword.control.conditional.4gl
   CASE mr_rota.ies_situacao
#  ^^^^ keyword.control.conditional.4gl
#               ^^^^^^^^^^^^ variable.other.member.4gl
      WHEN "A"
#     ^^^^ keyword.control.conditional.4gl
      OtherWise
#     ^^^^^^^^^ keyword.control.conditional.4gl
   END CASE
#  ^^^^^^^^ keyword.control.conditional.4gl
   FOR m_ind = 1 TO 10 STEP 2
#  ^^^ keyword.control.loop.4gl
#                ^^ keyword.other.4gl
#                      ^^^^ keyword.control.loop.4gl
      CONTINUE FOR
#     ^^^^^^^^ keyword.control.flow.4gl
#              ^^^ keyword.control.loop.4gl
   END FOR
#  ^^^^^^^ keyword.control.loop.4gl
   ForEach cq_saldos INTO ma_saldos[m_ind].*
#  ^^^^^^^ keyword.control.loop.4gl
#                    ^^^^ keyword.other.sql.4gl
      EXIT FOREACH
#     ^^^^ keyword.control.flow.4gl
#          ^^^^^^^ keyword.control.loop.4gl
   end foreach
#  ^^^^^^^^^^^ keyword.control.loop.4gl
   WHILE m_ind < 10
#  ^^^^^ keyword.control.loop.4gl
#              ^ keyword.operator.comparison.4gl
   END WHILE
#  ^^^^^^^^^ keyword.control.loop.4gl
   CALL pol9001_menu() RETURNING l_status
#  ^^^^ keyword.control.statement.4gl
#                      ^^^^^^^^^ keyword.control.flow.4gl
   LET l_x = l_y
#  ^^^ keyword.control.statement.4gl
#          ^ keyword.operator.comparison.4gl
   Return l_den
#  ^^^^^^ keyword.control.flow.4gl

   WHENEVER ANY ERROR CONTINUE
#  ^^^^^^^^^^^^^^^^^^ keyword.other.sql.4gl
#                     ^^^^^^^^ keyword.control.flow.4gl
   whenever error stop
#  ^^^^^^^^^^^^^^ keyword.other.sql.4gl
#                 ^^^^ keyword.other.sql.4gl
   SET ISOLATION TO DIRTY READ
#  ^^^ keyword.other.sql.4gl
#      ^^^^^^^^^ keyword.other.sql.4gl
#                   ^^^^^ keyword.other.sql.4gl
#                         ^^^^ keyword.other.sql.4gl
   select den_rota into l_den from vdp_rota where cod_rota = l_rota
#  ^^^^^^ keyword.other.sql.4gl
#                  ^^^^ keyword.other.sql.4gl
#                             ^^^^ keyword.other.sql.4gl
#                                           ^^^^^ keyword.other.sql.4gl
   INSERT INTO t VALUES (1)
#  ^^^^^^ keyword.other.sql.4gl
#                ^^^^^^ keyword.other.sql.4gl
   UPDATE t SET a = 1
#  ^^^^^^ keyword.other.sql.4gl
#           ^^^ keyword.other.sql.4gl
   DELETE FROM t
#  ^^^^^^ keyword.other.sql.4gl
   PREPARE var_query FROM m_sql
#  ^^^^^^^ keyword.other.sql.4gl
#                    ^^^^ keyword.other.sql.4gl
   DECLARE cq_saldos CURSOR FOR var_query
#  ^^^^^^^ keyword.other.sql.4gl
#                    ^^^^^^ keyword.other.sql.4gl
#                           ^^^ keyword.control.loop.4gl
   OPEN cq_x
#  ^^^^ keyword.other.sql.4gl

   OPEN WINDOW w_pol9001 AT 2,2 WITH FORM "pol9001"
#  ^^^^^^^^^^^ keyword.other.ui.4gl
#                        ^^ keyword.other.ui.4gl
#                               ^^^^ keyword.other.ui.4gl
#                                    ^^^^ keyword.other.ui.4gl
        ATTRIBUTE(BORDER, MESSAGE LINE LAST)
#       ^^^^^^^^^ keyword.other.ui.4gl - meta.function-call.4gl
#                 ^^^^^^ keyword.other.ui.4gl
   Menu "OPCAO"
#  ^^^^ keyword.other.ui.4gl
      COMMAND KEY ("!")
#     ^^^^^^^ keyword.other.ui.4gl
#             ^^^ keyword.other.ui.4gl
         PROMPT "Digite : " FOR m_sql
#        ^^^^^^ keyword.other.ui.4gl
         EXIT MENU
#        ^^^^ keyword.control.flow.4gl
#             ^^^^ keyword.other.ui.4gl
   END MENU
#  ^^^^^^^^ keyword.other.ui.4gl
   close window w_pol9001
#  ^^^^^^^^^^^^ keyword.other.ui.4gl
   CONSTRUCT BY NAME l_where ON item.cod_item
#  ^^^^^^^^^ keyword.other.ui.4gl
#            ^^ keyword.other.sql.4gl
#               ^^^^ keyword.other.ui.4gl
      BEFORE CONSTRUCT
#     ^^^^^^ keyword.other.ui.4gl
#            ^^^^^^^^^ keyword.other.ui.4gl
         DISPLAY "Informe o item" AT 1,1
#        ^^^^^^^ keyword.other.ui.4gl
   END CONSTRUCT
#  ^^^^^^^^^^^^^ keyword.other.ui.4gl
   INPUT BY NAME mr_tela.* WITHOUT DEFAULTS
#  ^^^^^ keyword.other.ui.4gl
#                          ^^^^^^^ keyword.other.ui.4gl
#                                  ^^^^^^^^ keyword.other.ui.4gl
      ON KEY (control-w)
#     ^^^^^^ keyword.other.ui.4gl
   END INPUT
#  ^^^^^^^^^ keyword.other.ui.4gl
   DISPLAY ARRAY ma_saldos TO sr_saldos.*
#  ^^^^^^^^^^^^^ keyword.other.ui.4gl
   ERROR "Consulta cancelada."
#  ^^^^^ keyword.other.ui.4gl

   OUTPUT LEFT MARGIN 0
#  ^^^^^^ keyword.other.report.4gl
#         ^^^^ keyword.other.report.4gl
#              ^^^^^^ keyword.other.report.4gl
   FORMAT
#  ^^^^^^ keyword.other.report.4gl
      Page Header
#     ^^^^^^^^^^^ keyword.other.report.4gl
         PRINT COLUMN 001, PAGENO USING "####&"
#        ^^^^^ keyword.other.report.4gl
#              ^^^^^^ keyword.other.report.4gl
#                          ^^^^^^ variable.language.4gl
#                                 ^^^^^ keyword.other.report.4gl
      ON EVERY ROW
#     ^^^^^^^^^^^^ keyword.other.report.4gl
         SKIP 1 LINE
#        ^^^^ keyword.other.report.4gl
      on last row
#     ^^^^^^^^^^^ keyword.other.report.4gl
      BEFORE GROUP OF lr.cod
#     ^^^^^^^^^^^^^^^ keyword.other.report.4gl
   START REPORT pol9001_relat TO PIPE "lp"
#  ^^^^^ keyword.other.report.4gl
#        ^^^^^^ storage.type.function.4gl
#                                ^^^^ keyword.other.report.4gl
   FINISH REPORT pol9001_relat
#  ^^^^^^ keyword.other.report.4gl

   IF a = 1 AND b <> 2 OR NOT c THEN
#           ^^^ keyword.operator.logical.4gl
#                 ^^ keyword.operator.comparison.4gl
#                      ^^ keyword.operator.logical.4gl
#                         ^^^ keyword.operator.logical.4gl
   IF l_x MATCHES "[0-9]*" AND l_y IS NOT NULL THEN
#         ^^^^^^^ keyword.operator.word.4gl
#                                  ^^ keyword.operator.word.4gl
#                                         ^^^^ constant.language.4gl
   LET l_s = p_cod_empresa CLIPPED, " x" || l_y clipped
#                          ^^^^^^^ keyword.operator.word.4gl
#                                        ^^ keyword.operator.concatenation.4gl
#                                               ^^^^^^^ keyword.operator.word.4gl
   LET INT_FLAG = FALSE
#      ^^^^^^^^ variable.language.4gl
#                 ^^^^^ constant.language.4gl
   RETURN True
#         ^^^^ constant.language.4gl
   IF STATUS = NOTFOUND OR sqlca.sqlcode <> 0 THEN
#     ^^^^^^ variable.language.4gl
#              ^^^^^^^^ constant.language.4gl
#                          ^^^^^ variable.language.4gl
#                                ^^^^^^^ variable.other.member.4gl
   LET l_d = TODAY
#            ^^^^^ support.function.builtin.4gl
   CALL SET_COUNT(m_ind - 1)
#       ^^^^^^^^^ support.function.builtin.4gl
#                       ^ keyword.operator.arithmetic.4gl
   LET l_n = length(l_s) + upshift(l_t) * 2
#            ^^^^^^ support.function.builtin.4gl
#                          ^^^^^^^ support.function.builtin.4gl
#                                       ^ keyword.operator.arithmetic.4gl
   CALL fgl_setenv("ADVPL","1")
#       ^^^^^^^^^^ support.function.builtin.4gl

# names that contain keywords are not keywords
   LET end_date = if_x + m_sql + p_status + l_for
#      ^^^^^^^^ - keyword.other.4gl
#                 ^^^^ - keyword.control.conditional.4gl
#                        ^^^^^ - keyword.other.sql.4gl
#                                ^^^^^^^^ - variable.language.4gl
#                                           ^^^^^ - keyword.control.loop.4gl
   LET lr.date = lr.status
#         ^^^^ variable.other.member.4gl - storage.type.4gl
#                   ^^^^^^ variable.other.member.4gl - variable.language.4gl
