#-------------------------------------------------------------------#
# SISTEMA.: LOGIX - MANUFATURA / ENGENHARIA                         #
# PROGRAMA: man10021                                                #
# OBJETIVO: CONSULTA DE ESTRUTURAS DE PRODUTO (exemplo sintético)   #
# LICENÇA.: LOG_initApp declara MANENG,SUPPLA,VDPPED; as áreas SUP, #
#           VDP e LOG acrescentam chaves (SPEC §3, exemplo do log)  #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa,
          p_user          LIKE usuario.nom_usuario,
          p_versao        CHAR(18)
END GLOBALS

DEFINE m_cod_item_pai   LIKE estrutura.cod_item_pai,
       m_qtd_comp       INTEGER

#-------------------#
 FUNCTION man10021()
#-------------------#
   IF LOG_initApp("MANENG,SUPPLA,VDPPED") <> 0 THEN RETURN END IF

   WHENEVER ANY ERROR CONTINUE
   SET ISOLATION TO DIRTY READ
   DEFER INTERRUPT

   LET p_versao = "man10021-12.01.07 "
   CALL func002_versao_prg(p_versao)

   CALL man10021_consulta()
END FUNCTION

#----------------------------#
 FUNCTION man10021_consulta()
#----------------------------#
   SELECT COUNT(*)
     INTO m_qtd_comp
     FROM estrutura
    WHERE cod_empresa  = p_cod_empresa
      AND cod_item_pai = m_cod_item_pai

   IF m_qtd_comp = 0 THEN
      ERROR "Item sem estrutura cadastrada (código ", m_cod_item_pai CLIPPED, ")."
   END IF
END FUNCTION

#-------------------------------#
 FUNCTION man10021_version_info()
#-------------------------------#
  RETURN "$Archive: /logix/manufatura/man10021.4gl $|$Revision: 7 $|$Date: 02/05/2023 $"
END FUNCTION
